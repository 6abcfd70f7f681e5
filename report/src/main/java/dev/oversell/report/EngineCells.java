package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;

import java.util.List;

/**
 * What one database design claims and showed on one engine: its claim for one app instance and for two
 * instances sharing the database, and a cell per family of checks (interleavings, load, 2 instances), in the
 * order the cell prints them.
 */
record EngineCells(Claim oneInstance, Claim sharedStore, List<Labelled> checks) {

    /** The claims as a cell's first line: one instance's claim, and two instances' when it differs. */
    String claims() {
        return oneInstance == sharedStore
                ? VerdictMatrix.words(oneInstance) + ", with 1 or 2 instances"
                : VerdictMatrix.words(oneInstance) + "; with 2 instances " + VerdictMatrix.words(sharedStore);
    }

    /** The verdict of every family judging {@code deployment}'s claim, in one word (as the snapshot keeps it). */
    Verdict verdict(Deployment deployment) {
        return Verdict.combine(checks.stream().filter(c -> Families.deployment(c.family()) == deployment)
                .map(c -> c.cell().verdict()).toList());
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
