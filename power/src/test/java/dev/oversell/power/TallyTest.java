package dev.oversell.power;

import dev.oversell.power.SuiteVerdicts.Answer;
import dev.oversell.power.SuiteVerdicts.Cell;
import dev.oversell.power.SuiteVerdicts.Outcome;
import dev.oversell.power.SuiteVerdicts.Verdict;
import dev.oversell.power.database.DatabaseCorpus;
import dev.oversell.run.Power;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tally counts what a suite said against what each entry expects: a hold on a bug is a miss, a catch on a twin
 * a false alarm, a catch under the wrong name a miss, and a cell not judged counts against the family, never as
 * power. Each case on a known bug and a twin of the database corpus (H2 runs both by default).
 */
class TallyTest {

    private static final CorpusEntry BUG = DatabaseCorpus.ENTRIES.stream()
            .filter(e -> e.name().equals("jdbc-version-not-in-where")).findFirst().orElseThrow();
    private static final CorpusEntry TWIN = DatabaseCorpus.ENTRIES.stream()
            .filter(e -> e.name().equals("jdbc-guarded-update")).findFirst().orElseThrow();

    private static Tally tally(Verdict bug, Verdict twin) {
        Map<Cell, Verdict> said = new java.util.HashMap<>();
        if (bug != null) {
            said.put(new Cell(BUG.name(), Engine.H2), bug);
        }
        if (twin != null) {
            said.put(new Cell(TWIN.name(), Engine.H2), twin);
        }
        return Tally.of(Family.DATABASES, List.of(BUG, TWIN), Arrays.asList(Engine.H2), new Answer(said, List.of()));
    }

    private static Verdict caught(String finding) {
        return new Verdict(Outcome.CAUGHT, finding, "said", 0);
    }

    private static final Verdict HELD = new Verdict(Outcome.HELD, "held", "", 0);

    @Test
    void aBugCaughtAndNamedRightlyAndATwinThatHeldIsFullPower() {
        Tally full = tally(caught("oversold"), HELD);
        assertTrue(full.full());
        assertEquals(new Power.Family("databases", 1, 1, 0, 1, List.of(), List.of(), 7), full.row(7));
    }

    @Test
    void aBugThatHeldIsAMissAndATwinCaughtIsAFalseAlarm() {
        Tally wrong = tally(HELD, caught("oversold"));
        assertFalse(wrong.full());
        Power.Family row = wrong.row(0);
        assertEquals(0, row.caught());
        assertEquals(1, row.falseAlarms());
        assertTrue(row.missed().get(0).startsWith("jdbc-version-not-in-where on H2"), row.missed().toString());
    }

    @Test
    void aCatchUnderTheWrongNameIsAMiss() {
        Tally misnamed = tally(caught("not linearizable"), HELD);
        assertFalse(misnamed.full());
        assertEquals(0, misnamed.row(0).caught());
        assertEquals(1, misnamed.row(0).missed().size());
    }

    @Test
    void aCellNotJudgedIsNeitherCaughtNorHeldAndCountsAgainstTheFamily() {
        Tally unjudged = tally(new Verdict(Outcome.NOT_JUDGED, "", "ABORTED: skipped", 0), null);
        assertFalse(unjudged.full());
        Power.Family row = unjudged.row(0);
        assertEquals(0, row.caught());
        assertEquals(1, row.falseAlarms(), "the twin with no verdict is listed with the flagged: " + row.flagged());
        assertTrue(row.missed().get(0).startsWith("not judged: "), row.missed().toString());
    }
}
