package dev.oversell.power;

import dev.oversell.run.RunFolder;
import dev.oversell.run.Shard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A family's power is one unit of a shard: in a shard that does not have it, the power test runs nothing, writes no
 * row, and passes, as every suite does with none of its units (it is measured in the shard that has it).
 */
class PowerInAShardTest {

    private static final List<String> SET_HERE = List.of(Shard.SETTING, RunFolder.RUNS, RunFolder.ID);

    @TempDir
    Path runs;

    @AfterEach
    void clear() {
        SET_HERE.forEach(System::clearProperty);
    }

    @Test
    void aFamilysPowerInAnotherShardRunsNothingAndPasses() {
        String unit = PowerOfAFamily.unit(Family.LINCHECK);
        Shard other = new Shard(3 - Shard.of(unit, 2), 2);
        System.setProperty(Shard.SETTING, other.toString());
        System.setProperty(RunFolder.RUNS, runs.toString());
        System.setProperty(RunFolder.ID, "power-in-a-shard");

        PowerOfAFamily power = assertDoesNotThrow(() -> new PowerOfAFamily(Family.LINCHECK, Corpus.entries()),
                "an aborted test is skipped, not passed");
        assertEquals(List.of(), power.running(null), "the designs it runs in shard " + other);
        power.run(LincheckOverTheCorpus.class, "lincheck", Map.of("oversell.design", "naive"));
        power.recordAndCheck(List.of(), "rerun");

        assertFalse(Files.exists(PowerFile.path()), "a row of the power written in shard " + other);
        assertFalse(Files.exists(SuiteVerdicts.nestedRuns()), "a suite run over the corpus in shard " + other);
    }
}
