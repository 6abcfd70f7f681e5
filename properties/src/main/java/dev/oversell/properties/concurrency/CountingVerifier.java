package dev.oversell.properties.concurrency;

import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.verifier.LinearizabilityVerifier;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Lincheck's linearizability verifier, counting the runs it judged per scenario, so that the evidence says how
 * much of each scenario was explored. Lincheck builds verifiers itself (through this constructor); the
 * counts live here, one check at a time.
 */
public final class CountingVerifier implements Verifier {

    private static final Map<ExecutionScenario, Integer> RUNS = new IdentityHashMap<>();
    private static final Map<ExecutionScenario, long[]> SPAN = new IdentityHashMap<>();

    private final Verifier linearizability;

    public CountingVerifier(Class<?> sequentialSpecification) {
        this.linearizability = new LinearizabilityVerifier(sequentialSpecification);
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult results) {
        synchronized (RUNS) {
            RUNS.merge(scenario, 1, Integer::sum);
            long now = System.nanoTime();
            SPAN.computeIfAbsent(scenario, s -> new long[] {now, now})[1] = now;
        }
        return linearizability.verifyResults(scenario, results);
    }

    static void reset() {
        synchronized (RUNS) {
            RUNS.clear();
            SPAN.clear();
        }
    }

    /** Milliseconds from the first to the last run judged of {@code scenario}. */
    static long millisOf(ExecutionScenario scenario) {
        synchronized (RUNS) {
            long[] span = SPAN.get(scenario);
            return span == null ? 0 : (span[1] - span[0]) / 1_000_000;
        }
    }

    /** Runs judged so far for {@code scenario} (the very object Lincheck ran). */
    static int runsOf(ExecutionScenario scenario) {
        synchronized (RUNS) {
            return RUNS.getOrDefault(scenario, 0);
        }
    }
}
