package dev.oversell.stress.gate;

import java.util.List;

/** One jcstress test's results for one variant, as the gate judged them; serialised into summary.json. */
public record ScenarioResult(String variant, String claim, String scenario, String status, long samples,
                             long oversold, long broken, List<Count> outcomes, String verdict, String problem,
                             String note) {

    /**
     * One observed outcome: its count, what it means ({@code FINE}, {@code OVERSELL}, {@code BROKEN}) and its
     * grading under the variant's claim: an oversell is {@code FORBIDDEN} for "never oversells" and
     * {@code ACCEPTABLE_INTERESTING} for "may oversell"; an unexplained outcome is always {@code FORBIDDEN}.
     */
    public record Count(String outcome, long count, String meaning, String grading, String description) {
    }

    boolean failed() {
        return problem != null;
    }
}
