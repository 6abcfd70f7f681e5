package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;

import java.util.List;

/**
 * What one database design claims and showed on one engine: its claim for one app instance and for two
 * instances sharing the database, and a cell per family of checks (interleavings, load, 2 instances), in the
 * order the cell prints them. A cluster design claims nothing for one instance (n/a) and has one family, its
 * cluster faults, judging the claim across its node processes. {@code observed}: some check of the design recorded
 * an observation on this engine (even one saying why it does not apply).
 */
record EngineCells(Claim oneInstance, Claim sharedStore, List<Labelled> checks, boolean observed) {

    /** The claims as a cell's first line: one instance's claim, and two instances' when it differs. */
    String claims() {
        if (oneInstance == Claim.NOT_APPLICABLE) { // a cluster or lock design: no one-instance claim
            return sharedStore == Claim.NOT_APPLICABLE ? "n/a" : VerdictMatrix.words(sharedStore)
                    + (checks.isEmpty() ? ", across its nodes" : Families.across(checks.get(0).family()));
        }
        if (sharedStore == Claim.NOT_APPLICABLE) { // a store's design: its one family judges its one claim
            return VerdictMatrix.words(oneInstance);
        }
        return oneInstance == sharedStore
                ? VerdictMatrix.words(oneInstance) + ", with 1 or 2 instances"
                : VerdictMatrix.words(oneInstance) + "; with 2 instances " + VerdictMatrix.words(sharedStore);
    }

    /** The verdict of every family judging {@code deployment}'s claim, in one word (as the snapshot keeps it). */
    Verdict verdict(Deployment deployment) {
        List<Verdict> verdicts = checks.stream().filter(c -> Families.deployment(c.family()) == deployment)
                .map(c -> c.cell().verdict()).toList();
        Claim claim = deployment == Deployment.SINGLE_INSTANCE ? oneInstance : sharedStore;
        return verdicts.isEmpty() && claim == Claim.NOT_APPLICABLE ? Verdict.NOT_APPLICABLE : Verdict.combine(verdicts);
    }

    /**
     * Whether the anomaly {@link #verdict} shows for {@code deployment} is one the design declares it accepts: every
     * check of that deployment showing it says so.
     */
    boolean accepted(Deployment deployment) {
        Verdict shown = verdict(deployment);
        List<Cell> showing = checks.stream().filter(c -> Families.deployment(c.family()) == deployment)
                .map(Labelled::cell).filter(c -> c.verdict() == shown).toList();
        return shown.anomaly() && !showing.isEmpty() && showing.stream().allMatch(Cell::accepted);
    }

    /**
     * True when the design claims nothing on this engine and no check observed it there (a Redis design on the SQL
     * engines, an SQL design on Redis): the cell says n/a once instead of per family.
     */
    boolean claimsNothing() {
        return oneInstance == Claim.NOT_APPLICABLE && sharedStore == Claim.NOT_APPLICABLE && !observed;
    }

    /** True when none of the families has an observation on this engine (not reachable, or left out). */
    boolean notMeasured() {
        return checks.stream().allMatch(c -> c.cell().verdict() == Verdict.NOT_RUN);
    }

    /** A family's cell with its name. */
    record Labelled(dev.oversell.judge.Observation.Family family, Cell cell) {

        String check() {
            return Families.label(family);
        }
    }
}
