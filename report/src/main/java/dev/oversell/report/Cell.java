package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One cell of a table: the verdict of one family of checks for one design (on one engine, or for one scenario),
 * a short text with counts, and the evidence file it links to, relative to the run folder (null: none).
 */
record Cell(Verdict verdict, String text, String link) {

    /**
     * The cell of a group of observations (one family's, of one design, on one engine or for one scenario): the
     * most serious finding its checked observations saw; "not checked" when nothing was seen wrong but some
     * did not run (a held cannot be concluded then); held when the others ran and held; "skipped" when none can
     * run on this machine; "not run" when there are none (n/a when the design claims nothing there). It links to
     * the evidence file of the observation it shows, else of any in the group, else to {@code familyLink}.
     */
    static Cell of(List<Observation> group, Observation.Family family, Claim claim, String familyLink) {
        if (group.isEmpty()) {
            return claim == Claim.NOT_APPLICABLE ? new Cell(Verdict.NOT_APPLICABLE, "claims nothing here", null)
                    : new Cell(Verdict.NOT_RUN, "no " + Families.label(family) + " observation in this run", null);
        }
        List<Observation> checked = group.stream().filter(Observation::checked).toList();
        long notChecked = count(group, Observation.Status.NOT_CHECKED);
        long notReached = count(group, Observation.Status.NOT_REACHED);
        long skipped = count(group, Observation.Status.SKIPPED);
        Finding worst = checked.stream().map(Observation::finding).reduce(Finding::worst).orElse(null);
        List<String> parts = new ArrayList<>();
        if (worst != null && worst.anomaly()) {
            List<Observation> seen = checked.stream().filter(o -> o.finding() == worst).toList();
            Observation shown = smallest(seen);
            parts.add(group.size() == 1 ? alone(shown, family)
                    : seen.size() + " of " + Families.count(family, checked.size()) + " " + worst.word());
            if (notReached > 0) {
                parts.add(notReached + " not needed after it");
            }
            if (notChecked > 0) {
                parts.add(notChecked + " not checked");
            }
            if (skipped > 0) {
                parts.add(skipped + " skipped");
            }
            return new Cell(Verdict.of(worst), String.join("; ", parts), link(shown, group, familyLink));
        }
        if (notChecked > 0 || (checked.isEmpty() && skipped == 0)) {
            Observation first = group.stream().filter(o -> o.status() != Observation.Status.CHECKED
                    && o.status() != Observation.Status.SKIPPED).findFirst().orElseThrow();
            String text = (notChecked > 0 ? notChecked : group.size()) + " of " + Families.count(family, group.size())
                    + " not checked" + (first.note() == null ? "" : ": " + first.note());
            return new Cell(Verdict.NOT_CHECKED, text, link(first, group, familyLink));
        }
        if (checked.isEmpty()) {
            Observation first = group.get(0);
            String text = (group.size() == 1 ? "" : group.size() + " skipped: ") + (first.note() == null
                    ? "cannot run on this machine" : first.note());
            return new Cell(Verdict.SKIPPED, text, link(first, group, familyLink));
        }
        parts.add(group.size() == 1 ? alone(checked.get(0), family) : Families.count(family, checked.size()) + ", all held");
        if (skipped > 0) {
            parts.add(skipped + " skipped");
        }
        return new Cell(Verdict.HELD, String.join("; ", parts), link(checked.get(0), group, familyLink));
    }

    private static long count(List<Observation> group, Observation.Status status) {
        return group.stream().filter(o -> o.status() == status).count();
    }

    /** A cell of one observation: its counts, else its note (jcstress: the samples), else what it saw. */
    private static String alone(Observation o, Observation.Family family) {
        if (o.counts() != null) {
            return counts(o.counts());
        }
        return o.note() != null ? o.note() : Families.count(family, 1) + ", " + o.finding().word();
    }

    /** The observation with the shortest example (the one a reader should see first). */
    private static Observation smallest(List<Observation> observations) {
        return observations.stream().min(Comparator.comparingInt(
                (Observation o) -> o.example() == null ? Integer.MAX_VALUE : o.example().length())).orElseThrow();
    }

    private static String link(Observation shown, List<Observation> group, String familyLink) {
        if (shown.evidenceFile() != null) {
            return shown.evidenceFile();
        }
        return group.stream().map(Observation::evidenceFile).filter(f -> f != null).findFirst().orElse(familyLink);
    }

    private static String counts(Observation.Counts counts) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d purchases, %,d sold", counts.attempted(), counts.sold()));
        if (counts.oversoldUnits() > 0) {
            text.append(String.format(Locale.ROOT, ", %,d oversold", counts.oversoldUnits()));
        }
        if (counts.lostUnits() > 0) {
            text.append(String.format(Locale.ROOT, ", %,d lost", counts.lostUnits()));
        }
        return text.toString();
    }
}
