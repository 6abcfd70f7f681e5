package dev.oversell.properties.concurrency;

/** What one Lincheck mode observed for one variant; serialised into {@code lincheck/verdicts.json}. */
public record LincheckObservation(String variant, String claim, String mode, String workload, String observed,
                                  int scenarioOperations, String evidenceFile, String note) {

    static final String HELD = "held";
    /** Caught by the purchases-only workload: more units sold than ever existed. */
    static final String OVERSOLD = "oversold";
    /** Caught by the full-contract workload: not linearizable (for example a lost restock). */
    static final String CAUGHT = "caught";
    static final String NOT_APPLICABLE = "not applicable";

    boolean caught() {
        return CAUGHT.equals(observed) || OVERSOLD.equals(observed);
    }

    boolean oversold() {
        return OVERSOLD.equals(observed);
    }
}
