package dev.oversell.judge;

import dev.oversell.design.Claim;

import java.util.Collection;
import java.util.Optional;

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
     * @param who   the variant (and cell) being judged, for the message
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
}
