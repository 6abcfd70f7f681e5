package dev.oversell.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family's record says what it was run with: the settings that bear on what is measured, not where things are or
 * how to reach them (never a password), the shard on its own, and the Oversell version that measured.
 */
class RunSettingsTest {

    private static final List<String> SET_HERE = List.of("oversell.baseSeed", "oversell.engines", "oversell.shard",
            "oversell.postgresql.url", "oversell.postgresql.password", "oversell.jcstress.dir", "oversell.variant");

    @AfterEach
    void clear() {
        SET_HERE.forEach(System::clearProperty);
    }

    @Test
    void theSettingsThatBearOnWhatIsMeasuredAreRecordedAndTheShardOnItsOwn() {
        System.setProperty("oversell.baseSeed", "7");
        System.setProperty("oversell.engines", "h2");
        System.setProperty("oversell.shard", "2/2");
        System.setProperty("oversell.postgresql.url", "jdbc:postgresql://ci:5432/test");
        System.setProperty("oversell.postgresql.password", "secret");
        System.setProperty("oversell.jcstress.dir", "/tmp/elsewhere");
        System.setProperty("oversell.variant", " ");

        RunSettings settings = RunSettings.ofThisJvm();

        assertThat(settings.settings()).containsEntry("oversell.baseSeed", "7").containsEntry("oversell.engines", "h2")
                .doesNotContainKeys("oversell.shard", "oversell.postgresql.url", "oversell.postgresql.password",
                        "oversell.jcstress.dir", "oversell.variant", RunFolder.ID, RunFolder.RUNS);
        assertThat(settings.settings().values()).doesNotContain("secret");
        assertThat(settings.shard()).isEqualTo("2/2");
        assertThat(settings.oversell()).as("the version Maven filled in").isNotBlank().doesNotContain("${")
                .isNotEqualTo("unknown");
    }

    @Test
    void environmentVariablesAreReadTheSameWay() {
        assertThat(RunSettings.measures("OVERSELL_ENGINES")).isTrue();
        assertThat(RunSettings.measures("OVERSELL_SHARD")).isFalse();
        assertThat(RunSettings.measures("OVERSELL_MARIADB_PASSWORD")).isFalse();
        assertThat(RunSettings.measures("OVERSELL_POSTGRESQL_URL")).isFalse();
        assertThat(RunSettings.measures("oversell.reproduce.mvn")).isFalse();
        assertThat(RunSettings.measures("oversell.lincheck.budgetSeconds")).isTrue();
    }
}
