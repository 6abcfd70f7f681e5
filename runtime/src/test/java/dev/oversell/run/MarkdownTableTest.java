package dev.oversell.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownTableTest {

    @Test
    void rendersAHeaderARuleAndRowsWithCellsMadeSafe() {
        String md = MarkdownTable.of("design", "finding").row("naive", "oversold | 2 of 1")
                .row("lock", null).row("two\nlines", 3).render();
        assertThat(md).isEqualTo("""
                | design | finding |
                | --- | --- |
                | naive | oversold \\| 2 of 1 |
                | lock |  |
                | two<br>lines | 3 |
                """);
    }

    @Test
    void numbersCanBeAlignedRight() {
        assertThat(MarkdownTable.of("design", "ops/s").alignRight(1).row("lock", 12).render())
                .contains("| --- | ---: |");
    }

    @Test
    void aRowMustFitTheHeader() {
        assertThatThrownBy(() -> MarkdownTable.of("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
