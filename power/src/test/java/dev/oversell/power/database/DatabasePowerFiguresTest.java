package dev.oversell.power.database;

import dev.oversell.store.Engine;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The figures count what the suite said against what the corpus expects: a pass on a bug is a miss, a failure on a twin a false alarm. */
class DatabasePowerFiguresTest {

    private static final CorpusDesign BUG = DatabaseCorpus.DESIGNS.get(0);
    private static final CorpusDesign TWIN = DatabaseCorpus.DESIGNS.stream()
            .filter(CorpusDesign.CorrectTwin.class::isInstance).findFirst().orElseThrow();

    private static DatabasePower.Figures figures(Status bug, Status twin) {
        return DatabasePower.of(List.of(BUG, TWIN), (design, engine) -> true, Map.of(Engine.H2, Map.of(
                BUG.name(), new SuiteVerdicts.Verdict(bug, "said", 0), TWIN.name(),
                new SuiteVerdicts.Verdict(twin, "said", 0))), Map.of(), 0);
    }

    @Test
    void aBugTheSuitePassesIsAMissAndATwinItFailsIsAFalseAlarm() {
        DatabasePower.Figures wrong = figures(Status.SUCCESSFUL, Status.FAILED);
        assertEquals(0, wrong.caught());
        assertEquals(List.of(BUG.name()), wrong.misses().stream().map(DatabasePower.Wrong::design).toList());
        assertEquals(List.of(TWIN.name()), wrong.falseAlarmCells().stream().map(DatabasePower.Wrong::design).toList());
    }

    @Test
    void aBugTheSuiteFailsIsCaughtAndATwinItPassesIsNoAlarm() {
        DatabasePower.Figures right = figures(Status.FAILED, Status.SUCCESSFUL);
        assertEquals(1, right.caught());
        assertEquals(0, right.falseAlarms());
        assertEquals(List.of(), right.misses());
    }

    @Test
    void aCellTheSuiteSkippedIsNotJudgedNeverCaughtNorHeld() {
        DatabasePower.Figures skipped = figures(Status.ABORTED, Status.ABORTED);
        assertEquals(0, skipped.caught());
        assertEquals(2, skipped.notJudged().size());
    }
}
