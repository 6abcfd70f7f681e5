package dev.oversell.bench.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeparabilityTest {

    private static Ratio result(String design, int threads, double ops, double min, double max) {
        return new Ratio("redis", null, "b." + design, design, threads, ops, null, min, max, null, null, null, null,
                null, null);
    }

    @Test
    void neighboursWithinTenPercentAndApartAreSeparable() {
        List<Separability.Comparison> compared = Separability.of(List.of(
                result("slow", 1, 1_000, 980, 1_020), result("fast", 1, 2_000, 1_950, 2_050)));

        assertThat(compared).singleElement().satisfies(c -> {
            assertThat(c.faster()).isEqualTo("fast");
            assertThat(c.slower()).isEqualTo("slow");
            assertThat(c.factor()).isEqualTo(2.0);
            assertThat(c.separable()).isTrue();
        });
    }

    @Test
    void overlappingRangesAreNotSeparable() {
        Separability.Comparison c = Separability.of(List.of(
                result("a", 1, 1_000, 960, 1_040), result("b", 1, 1_030, 990, 1_070))).get(0);

        assertThat(c.separable()).isFalse();
        assertThat(c.why()).isEqualTo("the iteration ranges overlap");
    }

    @Test
    void aWideSpreadIsNotSeparableHoweverFarApart() {
        Separability.Comparison c = Separability.of(List.of(
                result("a", 1, 1_000, 700, 1_300), result("b", 1, 5_000, 4_950, 5_050))).get(0);

        assertThat(c.separable()).isFalse();
        assertThat(c.why()).contains("spread over ±10%").contains("a ±30%");
    }

    @Test
    void onlyNeighboursOfOneColumnAreCompared() {
        List<Separability.Comparison> compared = Separability.of(List.of(
                result("a", 1, 1_000, 990, 1_010), result("b", 1, 2_000, 1_990, 2_010), result("c", 1, 3_000, 2_990, 3_010),
                result("a", 4, 9_000, 8_990, 9_010)));

        assertThat(compared).extracting(c -> c.faster() + ">" + c.slower()).containsExactly("c>b", "b>a");
    }
}
