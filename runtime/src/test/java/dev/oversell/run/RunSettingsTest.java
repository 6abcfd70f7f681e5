package dev.oversell.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A family's record says what it was run with: the settings that bear on what is measured, not where things are or
 * how to reach them (never a password), the shard on its own, and the Oversell version that measured.
 */
class RunSettingsTest {

    private static final List<String> SET_HERE = List.of("oversell.baseSeed", "oversell.engines", "oversell.shard",
            "oversell.postgresql.url", "oversell.postgresql.password", "oversell.jcstress.dir", "oversell.design");

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
        System.setProperty("oversell.design", " ");

        RunSettings settings = RunSettings.ofThisJvm();

        assertThat(settings.measuring()).containsEntry("oversell.baseSeed", "7").containsEntry("oversell.engines", "h2")
                .doesNotContainKeys("oversell.shard", "oversell.postgresql.url", "oversell.postgresql.password",
                        "oversell.jcstress.dir", "oversell.design", RunFolder.ID, RunFolder.RUNS);
        assertThat(settings.measuring().values()).doesNotContain("secret");
        assertThat(settings.shard()).isEqualTo(new Shard(2, 2));
        assertThat(settings.oversellVersion()).as("the version Maven filled in").isNotBlank().doesNotContain("${")
                .isNotEqualTo("unknown");
    }

    @Test
    void aRecordWritesTheShardAsTheSettingDoesAndReadsItBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RunSettings settings = new RunSettings("0.1.0", new Shard(2, 3), Map.of("oversell.baseSeed", "7"));
        String written = json.writeValueAsString(settings);
        assertThat(written).contains("\"shard\":\"2/3\"");
        assertThat(json.readValue(written, RunSettings.class)).isEqualTo(settings);
        assertThatThrownBy(() -> json.readValue(written.replace("2/3", "4/3"), RunSettings.class))
                .hasMessageContaining("'4/3'");
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
