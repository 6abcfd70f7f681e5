package dev.oversell.judge;

import dev.oversell.design.Claim;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two-way claim rule, the same for every family of checks. A "never oversells" claim holds only if every
 * check of the family saw nothing the contract forbids (an oversell, a lost update, answers no order
 * explains); a "may oversell" claim is <em>demonstrated</em> only if some check of the family actually saw an
 * oversell: a lost update or a non-linearizable read is a bug, but it is not the oversell the claim is about.
 * A family whose checks saw nothing to judge fails too: a checker that explored nothing never says "held".
 */
public final class Judge {

    private Judge() {
    }

    /**
     * Why the findings of one family of checks disagree with {@code claim}, or empty if they agree.
     *
     * @param who   the design (and cell) being judged, for the message
     * @param what  the family of checks, for the message
     */
    public static Optional<String> disagreement(String who, String what, Claim claim, Collection<Finding> findings) {
        if (claim == Claim.NOT_APPLICABLE) {
            return Optional.empty();
        }
        if (findings.isEmpty()) {
            return Optional.of(who + ": " + what + " produced no finding to judge; nothing was checked");
        }
        Finding worst = findings.stream().reduce(Finding.HELD, Finding::worst);
        if (claim == Claim.NEVER_OVERSELLS && worst.anomaly()) {
            return Optional.of(who + " claims it never oversells, but " + what + " saw: " + worst.word()
                    + " (" + worst.meaning() + ")");
        }
        if (claim == Claim.MAY_OVERSELL && worst != Finding.OVERSOLD) {
            return Optional.of(who + " claims it may oversell, but " + what + " never saw an oversell (worst seen: "
                    + worst.word() + "): the check lacked power, or the claim is wrong");
        }
        return Optional.empty();
    }

    /**
     * The same rule over what a family of checks observed: only the checks that ran are judged, each as far as its
     * {@link Coverage} says; a "never oversells" claim is upheld only by checks that ran, so it cannot hold while
     * any of its checks is {@link Coverage.NotChecked not checked} (a limit reached, an error, a fault that did not
     * strike, nothing sold) or {@link Coverage.NotReached not reached}; a check the design declares does not apply
     * to it ({@link Coverage.NotApplicable}) is neither for nor against. An oversell seen stands whatever did not
     * run. A disagreement names the smallest counterexample seen. An observation whose anomaly the design declared
     * acceptable ({@link Observation#accepted()}: answers that fit the declared {@link Relaxation}) is judged held.
     */
    public static Optional<String> judge(String who, String what, Claim claim, List<Observation> observations) {
        List<Finding> findings = observations.stream().filter(Observation::checked).map(Observation::findingForClaim)
                .toList();
        Optional<String> disagreement = disagreement(who, what, claim, findings);
        if (disagreement.isPresent()) {
            return disagreement.map(why -> smallestExample(observations, claim)
                    .map(o -> why + "\nThe smallest counterexample (" + o.cell() + (o.engine() == null ? "" : ", " + o.engine())
                            + ", " + o.coverage().words() + "):\n" + o.example()
                            + (o.evidenceFile() == null ? "" : "\nEvidence: " + o.evidenceFile())
                            + (o.reproduce() == null ? "" : "\nReproduce: " + o.reproduce()))
                    .orElse(why + coverageOf(observations)));
        }
        List<Observation> notRun = observations.stream()
                .filter(o -> !o.checked() && !(o.coverage() instanceof Coverage.NotApplicable)).toList();
        if (claim == Claim.NEVER_OVERSELLS && !notRun.isEmpty()) {
            return Optional.of(who + " cannot be judged to hold: " + notRun.size() + " of its " + observations.size()
                    + " " + what + " checks did not cover what they name:\n" + notRun.stream()
                    .map(o -> "  " + o.cell() + (o.engine() == null ? "" : ", " + o.engine()) + ": " + o.coverage().words())
                    .collect(Collectors.joining("\n")));
        }
        return Optional.empty();
    }

    /** What a family's checks covered, for a message that has no counterexample to show. */
    private static String coverageOf(List<Observation> observations) {
        return observations.isEmpty() ? "" : "\nWhat was run:\n" + observations.stream()
                .map(o -> "  " + o.cell() + (o.engine() == null ? "" : ", " + o.engine()) + ": " + o.coverage().words())
                .collect(Collectors.joining("\n"));
    }

    /** For a "never" claim the smallest anomaly with an example, for a "may" claim none (it was not shown). */
    private static Optional<Observation> smallestExample(List<Observation> observations, Claim claim) {
        if (claim != Claim.NEVER_OVERSELLS) {
            return Optional.empty();
        }
        return observations.stream().filter(o -> o.checked() && o.findingForClaim().anomaly() && o.example() != null)
                .min(Comparator.comparingInt((Observation o) -> o.example().length()));
    }
}
