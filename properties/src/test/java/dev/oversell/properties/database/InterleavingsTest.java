package dev.oversell.properties.database;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedules the database checks run: every interleaving, counted right, and seeded draws that repeat. */
class InterleavingsTest {

    private static final long SEED = 20261125L;

    @Test
    void everyInterleavingIsListedOnce() {
        assertThat(Interleavings.of(2, 2)).hasSize(6).doesNotHaveDuplicates();
        assertThat(Interleavings.of(4, 4)).hasSize(70).doesNotHaveDuplicates();
        assertThat(Interleavings.of(4, 1)).hasSize(5);
        assertThat(Interleavings.of(2, 2, 2)).hasSize(90).doesNotHaveDuplicates();
        assertThat(Interleavings.count(3, 3, 3)).isEqualTo(1_680);
        assertThat(Interleavings.count(4, 4)).isEqualTo(Interleavings.of(4, 4).size());
    }

    @Test
    void drawsAreDistinctValidAndRepeatForTheSameSeed() {
        List<List<Integer>> drawn = Interleavings.bounded(SEED, 12, 3, 3, 3);
        assertThat(drawn).as("seed %d", SEED).hasSize(12).doesNotHaveDuplicates()
                .isEqualTo(Interleavings.bounded(SEED, 12, 3, 3, 3));
        for (List<Integer> schedule : drawn) {
            assertThat(schedule.stream().filter(p -> p == 1).count()).isEqualTo(3);
            assertThat(schedule.stream().filter(p -> p == 2).count()).isEqualTo(3);
            assertThat(schedule.stream().filter(p -> p == 3).count()).isEqualTo(3);
        }
        assertThat(Interleavings.bounded(SEED, 12, 2, 2)).as("few enough: all of them").hasSize(6);
    }
}
