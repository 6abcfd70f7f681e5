package dev.oversell.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestNamesTest {

    @Test
    void aLeafNamedForADesignIsReadBackWithItsEngineAndCheck() {
        String name = TestNames.of("db-conditional-update", "PostgreSQL", "last unit: s1 s2 u1 u2");

        assertThat(name).isEqualTo("[db-conditional-update on PostgreSQL] last unit: s1 s2 u1 u2");
        assertThat(TestNames.read(name)).contains(new TestNames.Leaf("db-conditional-update", "PostgreSQL",
                "last unit: s1 s2 u1 u2"));
        assertThat(TestNames.read(TestNames.of("naive", "model checking: 4 workloads")))
                .contains(new TestNames.Leaf("naive", null, "model checking: 4 workloads"));
    }

    @Test
    void onlyAVerdictLeafIsADesignsVerdict() {
        assertThat(TestNames.verdict(TestNames.of("naive", TestNames.JUDGED))).map(TestNames.Leaf::design)
                .contains("naive");
        assertThat(TestNames.verdict(TestNames.of("db-lock", "H2", TestNames.AGREES))).map(TestNames.Leaf::engine)
                .contains("H2");
        assertThat(TestNames.verdict(TestNames.of("db-lock", "H2", "load: 8 buyers"))).isEmpty();
        assertThat(TestNames.verdict(TestNames.JUDGED)).isEmpty();
        assertThat(TestNames.read("PostgreSQL is reachable")).isEmpty();
    }
}
