package dev.oversell.report;

import dev.oversell.design.Claim;

import java.util.List;

/**
 * What one database design claims and showed on one engine: its claim for one app instance (judged by the
 * interleavings and the load run) and for two instances sharing the database (judged by the deployment check),
 * and the cell of each of the three checks. The database table prints these in one compact cell per engine.
 */
record EngineCells(Claim oneInstance, Claim sharedStore, Cell interleavings, Cell load, Cell twoInstances) {

    static final String INTERLEAVINGS = "interleavings";
    static final String LOAD = "load";
    static final String TWO_INSTANCES = "2 instances";

    /** The three checks, labelled, in the order the cell prints them. */
    List<Labelled> checks() {
        return List.of(new Labelled(INTERLEAVINGS, interleavings), new Labelled(LOAD, load),
                new Labelled(TWO_INSTANCES, twoInstances));
    }

    /** The claims as a cell's first line: one instance's claim, and two instances' when it differs. */
    String claims() {
        return oneInstance == sharedStore
                ? VerdictMatrix.words(oneInstance) + ", with 1 or 2 instances"
                : VerdictMatrix.words(oneInstance) + "; with 2 instances " + VerdictMatrix.words(sharedStore);
    }

    /** One instance's verdict, as the snapshot keeps it: the interleavings and the load run combined. */
    Verdict oneInstanceVerdict() {
        return Verdict.combine(List.of(interleavings.verdict(), load.verdict()));
    }

    /** True when none of the three checks ran on this engine (it was not reachable, or left out of the run). */
    boolean notMeasured() {
        return checks().stream().allMatch(c -> c.cell().verdict() == Verdict.NOT_RUN);
    }

    /** A check's cell with its name. */
    record Labelled(String check, Cell cell) {
    }
}
