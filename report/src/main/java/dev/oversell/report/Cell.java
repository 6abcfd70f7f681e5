package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Relaxation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One cell of a table: the verdict of one family of checks for one design (on one engine, or for one scenario),
 * a short text with counts, and the evidence file it links to, relative to the run folder (null: none);
 * {@code accepted}: the anomaly it shows is one the design declares it accepts ({@link Relaxation}).
 */
record Cell(Verdict verdict, String text, String link, boolean accepted) {

    /** A cell whose anomaly, if it shows one, the design did not declare acceptable. */
    Cell(Verdict verdict, String text, String link) {
        this(verdict, text, link, false);
    }

    /**
     * The cell of a group of observations (one family's, of one design, on one engine or for one scenario): the
     * most serious finding its checks saw; "not checked" when nothing was seen wrong but some check did not cover
     * what it names (a held cannot be concluded then); held when every check that applies ran and held; n/a when
     * the design declares none of them applies; "not run" when there are none (n/a when the design claims nothing
     * there). Every cell says what its checks covered ({@link Coverage#summary}). It links to the evidence file of
     * the observation it shows, else of any in the group, else to {@code familyLink}.
     */
    static Cell of(List<Observation> group, Observation.Family family, Claim claim, String familyLink) {
        if (group.isEmpty()) {
            return claim == Claim.NOT_APPLICABLE ? new Cell(Verdict.NOT_APPLICABLE, "claims nothing here", null)
                    : new Cell(Verdict.NOT_RUN, "no " + Families.label(family) + " observation in this run", null);
        }
        List<Observation> checked = group.stream().filter(Observation::checked).toList();
        List<Observation> notChecked = group.stream().filter(o -> o.coverage() instanceof Coverage.NotChecked).toList();
        long notReached = group.stream().filter(o -> o.coverage() instanceof Coverage.NotReached).count();
        String covered = Coverage.summary(group.stream().map(Observation::coverage).toList());
        Finding worst = checked.stream().map(Observation::finding).reduce(Finding::worst).orElse(null);
        List<String> parts = new ArrayList<>();
        if (worst != null && worst.anomaly()) {
            List<Observation> seen = checked.stream().filter(o -> o.finding() == worst).toList();
            Observation shown = smallest(seen);
            parts.add(group.size() == 1 ? alone(shown, family)
                    : seen.size() + " of " + Families.count(family, checked.size()) + " " + worst.word()
                    + (Families.namesFaults(family) ? " (" + seen.stream().map(Observation::cell).distinct()
                    .collect(Collectors.joining(", ")) + ")" : "") + stranded(checked));
            Optional<String> accepted = accepted(seen);
            accepted.ifPresent(parts::add);
            parts.add(covered);
            return new Cell(Verdict.of(worst), String.join("; ", parts), link(shown, group, familyLink),
                    accepted.isPresent());
        }
        if (!notChecked.isEmpty() || (checked.isEmpty() && notReached > 0)) {
            Observation first = notChecked.isEmpty() ? group.stream().filter(o -> !o.checked()).findFirst().orElseThrow()
                    : notChecked.get(0);
            String text = (group.size() == 1 ? "" : (notChecked.isEmpty() ? notReached : notChecked.size()) + " of "
                    + Families.count(family, group.size()) + " ") + first.coverage().words();
            return new Cell(Verdict.NOT_CHECKED, text, link(first, group, familyLink));
        }
        if (checked.isEmpty()) {
            Observation first = group.get(0);
            return new Cell(Verdict.NOT_APPLICABLE, first.coverage().words(), link(first, group, familyLink));
        }
        parts.add(group.size() == 1 ? alone(checked.get(0), family) : Families.count(family, checked.size()) + ", all held"
                + stranded(checked));
        parts.add(covered);
        return new Cell(Verdict.HELD, String.join("; ", parts), link(checked.get(0), group, familyLink));
    }

    /** A cell of one observation: its counts, else its note (jcstress: the samples), else what it saw. */
    private static String alone(Observation o, Observation.Family family) {
        if (o.counts() != null) {
            return counts(o.counts());
        }
        return o.note() != null ? o.note() : Families.count(family, 1) + ", " + o.finding().word();
    }

    /**
     * The units the observations took from the sale that no account shows sold ({@code , 2 units stranded (taken
     * in Redis, never ordered)}), or nothing: a loss no oversell check sees, named beside the verdict.
     */
    private static String stranded(List<Observation> observations) {
        long units = observations.stream().filter(o -> o.counts() != null).mapToLong(o -> o.counts().strandedUnits()).sum();
        return units == 0 ? "" : String.format(Locale.ROOT, ", %,d unit%s stranded (taken in Redis, never ordered)",
                units, units == 1 ? "" : "s");
    }

    /**
     * "accepted: may refuse a buyer while ...", when the design declares a {@link Relaxation} and every observation
     * showing the cell's anomaly fitted it: the anomaly stands in the cell, and the reader is told why it does not
     * break the claim.
     */
    private static Optional<String> accepted(List<Observation> seen) {
        Set<Relaxation> accepted = seen.stream().map(Observation::accepted).collect(Collectors.toSet());
        return accepted.size() == 1 && !accepted.contains(null)
                ? Optional.of("accepted by the design: it " + accepted.iterator().next().words()) : Optional.empty();
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
        if (counts.strandedUnits() > 0) {
            text.append(String.format(Locale.ROOT, ", %,d stranded", counts.strandedUnits()));
        }
        return text.toString();
    }
}
