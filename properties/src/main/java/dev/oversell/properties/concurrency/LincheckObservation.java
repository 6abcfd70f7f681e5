package dev.oversell.properties.concurrency;

import dev.oversell.judge.Coverage;
import dev.oversell.judge.Observation;
import dev.oversell.run.RunFolder;

import dev.oversell.judge.Finding;

/**
 * What one Lincheck check (a design, a workload, a mode) observed; serialised into {@code lincheck/verdicts.json}.
 *
 * @param observed           a {@link Finding} word ({@code held}, {@code oversold}, {@code lost update},
 *                           {@code not linearizable}), or {@link #NOT_CHECKED} or {@link #NOT_REACHED}
 * @param scenarioOperations operations in the failing scenario (0 if nothing failed)
 * @param threads            threads of the scenario (of the failing one, or the largest run)
 * @param runs               interleavings Lincheck's model checker judged; fewer than the bound means the
 *                           scenario's tree was exhausted, every interleaving explored
 * @param lincheckFailure    Lincheck's kind of failure, null if it found none
 * @param coverage           how much of the workload was run: every interleaving (the model checker's tree was
 *                           exhausted), bounded (stopped at the bound), or not checked
 */
public record LincheckObservation(String variant, String claim, String mode, String workload, String observed,
                                  int scenarioOperations, int threads, int runs,
                                  String lincheckFailure, String evidenceFile, String note, Coverage coverage) {

    /** The check did not run: the time budget ran out before it. It proves nothing, and a "held" needs it. */
    static final String NOT_CHECKED = "not checked";
    /** The check did not run: Lincheck stopped at an earlier failure of the same run, which decided the claim. */
    static final String NOT_REACHED = "not reached";

    boolean checked() {
        return coverage.ran();
    }

    boolean outOfTime() {
        return NOT_CHECKED.equals(observed);
    }

    Finding finding() {
        return Finding.ofWord(observed);
    }

    /** The same, as the one record every family reports; {@code example} is the failing scenario as Lincheck printed it. */
    Observation toObservation(String example) {
        boolean ran = coverage.ran();
        return new Observation(RunFolder.id(), variant, Observation.Family.LINCHECK, mode + ", " + workload, null, null,
                coverage, ran ? finding() : null, null, ran && finding().anomaly() ? example : null,
                LincheckMode.reproduce(variant), evidenceFile, note);
    }
}
