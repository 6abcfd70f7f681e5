package dev.oversell.stress.gate;

import java.util.List;

/**
 * One jcstress test's results for one variant (or for the actor runtime), as the gate judged them; serialised
 * into summary.json. {@code verdict} is a {@link dev.oversell.judge.Finding} word ({@code held}, {@code oversold},
 * {@code lost update}, {@code not linearizable}) or {@code skipped} (cannot run on this machine, with the
 * reason in {@code note}), {@code not checked} (the time budget ran out first) or {@code error} (jcstress did
 * not run it cleanly). Counts are of samples.
 */
public record ScenarioResult(String variant, String claim, String scenario, String test, String status,
                             long samples, long oversold, long lostUpdate, long notLinearizable,
                             List<Count> outcomes, String verdict, String problem, String note) {

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

    ScenarioResult withProblem(String why) {
        return new ScenarioResult(variant, claim, scenario, test, status, samples, oversold, lostUpdate,
                notLinearizable, outcomes, verdict, why, note);
    }
}
