package dev.oversell.power;

import dev.oversell.design.Variant;
import dev.oversell.design.Variants;
import dev.oversell.judge.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One family's power over the corpus, from its suite's verdicts: of the known bugs the family must catch, how many
 * it caught, and rightly named; which it missed; which correct twins it flagged (false alarms); which designs it
 * could not judge at all. A family has full power when nothing is in the last four lists.
 */
record Power(Family family, int caught, int mustCatch, List<String> missed, List<String> misnamed,
             List<String> falseAlarms, List<String> notJudged) {

    static Power of(Family family, Map<String, SuiteVerdicts.Verdict> verdicts) {
        int caught = 0;
        int mustCatch = 0;
        List<String> missed = new ArrayList<>();
        List<String> misnamed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        List<String> selected = Variants.selected().stream().map(Variant::name).toList(); // -Doversell.variant
        for (Class<?> type : Corpus.types()) {
            String name = Corpus.nameOf(type);
            if (!selected.contains(name)) {
                continue;
            }
            SuiteVerdicts.Verdict verdict = verdicts.get(name);
            if (verdict == null || verdict.outcome() == SuiteVerdicts.Outcome.NOT_JUDGED) {
                notJudged.add(name + ": " + (verdict == null ? "the suite reported no verdict" : verdict.message()));
                continue;
            }
            KnownBug bug = Corpus.bugOf(type).orElse(null);
            if (bug == null) {
                if (verdict.outcome() == SuiteVerdicts.Outcome.CAUGHT) {
                    falseAlarms.add(name + " (correct) was flagged: " + verdict.finding());
                }
            } else if (Arrays.asList(bug.caughtBy()).contains(family)) {
                mustCatch++;
                if (verdict.outcome() == SuiteVerdicts.Outcome.HELD) {
                    missed.add(name + " (" + bug.value() + ")");
                } else {
                    caught++;
                    if (Arrays.stream(bug.seenAs()).map(Finding::word).noneMatch(verdict.finding()::equals)) {
                        misnamed.add(name + " was caught as " + verdict.finding() + ", where "
                                + Arrays.stream(bug.seenAs()).map(Finding::word).toList() + " names its bug");
                    }
                }
            }
        }
        return new Power(family, caught, mustCatch, missed, misnamed, falseAlarms, notJudged);
    }

    /** "Lincheck 17/17 caught; 0 false alarms", and what was missed. */
    String line() {
        return family.label + " " + caught + "/" + mustCatch + " caught; " + falseAlarms.size() + " false alarm"
                + (falseAlarms.size() == 1 ? "" : "s") + (missed.isEmpty() ? "" : "; missed: " + missed)
                + (notJudged.isEmpty() ? "" : "; not judged: " + notJudged.size());
    }

    boolean full() {
        return missed.isEmpty() && misnamed.isEmpty() && falseAlarms.isEmpty() && notJudged.isEmpty();
    }
}
