package dev.oversell.properties.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every interleaving of several transactions' steps, listed once and counted right. */
class InterleavingsTest {

    @Test
    void everyInterleavingIsListedOnce() {
        assertThat(Interleavings.of(2, 2)).hasSize(6).doesNotHaveDuplicates();
        assertThat(Interleavings.of(4, 4)).hasSize(70).doesNotHaveDuplicates();
        assertThat(Interleavings.of(4, 1)).hasSize(5);
        assertThat(Interleavings.of(2, 2, 2)).hasSize(90).doesNotHaveDuplicates();
        assertThat(Interleavings.count(3, 3, 3)).isEqualTo(1_680);
        assertThat(Interleavings.count(4, 4)).isEqualTo(Interleavings.of(4, 4).size());
    }
}
