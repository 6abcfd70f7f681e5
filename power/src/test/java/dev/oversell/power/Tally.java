package dev.oversell.power;

import dev.oversell.judge.Finding;
import dev.oversell.run.Power;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.oversell.power.SuiteVerdicts.Cell;
import static dev.oversell.power.SuiteVerdicts.Outcome;
import static dev.oversell.power.SuiteVerdicts.Verdict;

/**
 * One family's power over the cells of a corpus it ran (a design, on an engine for the databases), from its suite's
 * verdicts, against what each {@link CorpusEntry} expects: of the cells where a known bug must be caught, how many
 * were caught and named rightly; of the cells that must hold (a correct twin, or a bug the engine refuses), how many
 * were flagged. A catch under the wrong name is a miss ({@code misnamed}); a cell the suite did not judge is
 * neither a catch nor a hold, and is counted against the family ({@code notJudged}). A family has full power when
 * nothing was missed, flagged or left unjudged. A bug caught by a family not expected to catch it is only noted.
 */
record Tally(Family family, int caught, int bugs, int twins, List<String> missed, List<String> misnamed,
             List<String> flagged, List<String> unjudgedBugs, List<String> unjudgedHolds, List<String> alsoCaught) {

    /**
     * The tally of the cells of {@code corpus} the family ran, {@code where} (the engines reached, or one null for an
     * in-memory family), given the suites' {@code answer}.
     */
    static Tally of(Family family, List<CorpusEntry> corpus, List<Engine> where, SuiteVerdicts.Answer answer) {
        int caught = 0;
        int bugs = 0;
        int twins = 0;
        List<String> missed = new ArrayList<>();
        List<String> misnamed = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        List<String> unjudgedBugs = new ArrayList<>();
        List<String> unjudgedHolds = new ArrayList<>();
        List<String> alsoCaught = new ArrayList<>();
        for (CorpusEntry entry : corpus) {
            for (Engine engine : where) {
                if (!entry.runs(family, engine)) {
                    continue;
                }
                Cell cell = new Cell(entry.name(), engine);
                Verdict verdict = answer.verdicts().get(cell);
                CorpusEntry.Expected expected = entry.expected(family, engine).orElse(null);
                if (expected == null) {
                    if (verdict != null && verdict.outcome() == Outcome.CAUGHT) {
                        alsoCaught.add(cell + " (" + verdict.finding() + ")");
                    }
                    continue;
                }
                if (expected == CorpusEntry.Expected.CAUGHT) {
                    bugs++;
                } else {
                    twins++;
                }
                if (verdict == null || verdict.outcome() == Outcome.NOT_JUDGED) {
                    (expected == CorpusEntry.Expected.CAUGHT ? unjudgedBugs : unjudgedHolds).add(cell + ": " + (verdict == null ? "the suite gave no verdict"
                            + (answer.suiteFailures().isEmpty() ? "" : " (" + String.join("; ", answer.suiteFailures())
                            + ")") : verdict.message()));
                } else if (expected == CorpusEntry.Expected.HELD) {
                    if (verdict.outcome() == Outcome.CAUGHT) {
                        flagged.add(cell + " (" + verdict.finding() + ")");
                    }
                } else if (verdict.outcome() == Outcome.HELD) {
                    missed.add(cell + " (" + entry.bug().orElseThrow().value() + ")");
                } else if (Arrays.stream(entry.bug().orElseThrow().seenAs()).map(Finding::word)
                        .noneMatch(verdict.finding()::equals)) {
                    misnamed.add(cell + " (caught as " + verdict.finding() + ", named by " + Arrays.stream(
                            entry.bug().orElseThrow().seenAs()).map(Finding::word).toList() + ")");
                } else {
                    caught++;
                }
            }
        }
        return new Tally(family, caught, bugs, twins, missed, misnamed, flagged, unjudgedBugs, unjudgedHolds, alsoCaught);
    }

    /** Nothing missed, misnamed, flagged or left unjudged. */
    boolean full() {
        return missed.isEmpty() && misnamed.isEmpty() && flagged.isEmpty() && unjudgedBugs.isEmpty() && unjudgedHolds.isEmpty();
    }

    /**
     * The family's row of {@code power/power.json}: a misnamed catch is listed as missed, a cell not judged as
     * missed (a bug) or flagged (a cell that must hold), so that nothing unjudged reads as power.
     */
    Power.Family row(long seconds) {
        List<String> allMissed = new ArrayList<>(missed);
        allMissed.addAll(misnamed);
        unjudgedBugs.forEach(cell -> allMissed.add("not judged: " + cell));
        List<String> allFlagged = new ArrayList<>(flagged);
        unjudgedHolds.forEach(cell -> allFlagged.add("not judged: " + cell));
        return new Power.Family(family.label, caught, bugs, allFlagged.size(), twins, allMissed, allFlagged, seconds);
    }

    /** "Lincheck 17/17 caught, 0 false alarms of 7 correct twins", then every miss, false alarm and cell not judged. */
    String lines(long seconds) {
        StringBuilder text = new StringBuilder(row(seconds).line()).append(" (").append(seconds).append(" s)");
        missed.forEach(m -> text.append("\n  missed: ").append(m));
        misnamed.forEach(m -> text.append("\n  caught under the wrong name: ").append(m));
        flagged.forEach(f -> text.append("\n  false alarm: ").append(f));
        unjudgedBugs.forEach(n -> text.append("\n  not judged: ").append(n));
        unjudgedHolds.forEach(n -> text.append("\n  not judged: ").append(n));
        alsoCaught.forEach(a -> text.append("\n  also caught, not expected of ").append(family.label).append(": ")
                .append(a));
        return text.toString();
    }
}
