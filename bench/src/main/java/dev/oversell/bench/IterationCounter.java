package dev.oversell.bench;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Tells an iteration-level tear-down that it is tearing down the fork's last iteration, so that a benchmark can
 * release what it holds for the whole trial (database tables, a pool, an actor system) there rather than in a
 * {@code @TearDown(Level.Trial)}.
 *
 * <p>Why: in a multi-threaded run of JMH 1.37, while one thread runs a {@code Scope.Benchmark} state's trial
 * tear-down, the other threads wait in a back-off loop whose second sleep is already 1024 ms (the generated
 * code reads {@code Math.max(1024, backoff * 2)}). Any tear-down longer than a millisecond, such as dropping
 * tables, then costs every multi-threaded fork a second or more. In an iteration tear-down the others spin
 * instead. Over the default matrix that is more than a minute.
 *
 * <p>Iteration tear-downs of a {@code Scope.Benchmark} state run on one thread at a time, and JMH orders them,
 * so the count needs no synchronisation of its own.
 */
public final class IterationCounter {

    private int finished;

    /** Counts one finished iteration; true if it was the last of the fork (warm-up and measurement). */
    public boolean finishedLast(BenchmarkParams params) {
        finished++;
        return finished == params.getWarmup().getCount() + params.getMeasurement().getCount();
    }
}
