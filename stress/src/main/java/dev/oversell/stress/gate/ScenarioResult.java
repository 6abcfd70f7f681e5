package dev.oversell.stress.gate;

import java.util.List;

/**
 * One jcstress test's results for one design (or for the actor runtime), as the gate judged them; serialised
 * into summary.json. {@code variant} is the design's name. {@code verdict} is a {@link dev.oversell.judge.Finding}
 * word ({@code held}, {@code oversold}, {@code lost update}, {@code not linearizable}) or {@code skipped} (cannot
 * run on this machine, with the reason in {@code note}), {@code not checked} (the time budget ran out first),
 * {@code error} (jcstress did not run it cleanly) or, for the actor runtime, {@code broken}. {@code problem} says
 * why this row fails the build, or is null. Counts are of samples. {@code report} is jcstress's HTML page of
 * this test in the design's run (its log if the test has no result; null if skipped), relative to the folder
 * summary.json is in; {@code reproduce} the command that runs this design's jcstress part alone.
 */
public record ScenarioResult(String variant, String claim, String scenario, String test, String status,
                             long samples, long oversold, long lostUpdate, long notLinearizable,
                             List<Count> outcomes, String verdict, String problem, String note, String report,
                             String reproduce) {

    /**
     * One observed outcome: its count, what it means (a {@code Finding} word) and its grading under the variant's
     * claim: an oversell is {@code FORBIDDEN} for "never oversells" and {@code ACCEPTABLE_INTERESTING} for "may
     * oversell"; anything else no sequential order explains is {@code FORBIDDEN} for "never oversells" and
     * {@code ACCEPTABLE} (a known defect, not what the claim is about) for "may oversell".
     */
    public record Count(String outcome, long count, String meaning, String grading, String description) {
    }

    boolean failed() {
        return problem != null;
    }

    /** This row, with where its evidence is and how to reproduce it. */
    ScenarioResult locatedAt(String report, String reproduce) {
        return new ScenarioResult(variant, claim, scenario, test, status, samples, oversold, lostUpdate,
                notLinearizable, outcomes, verdict, problem, note, report, reproduce);
    }
}
