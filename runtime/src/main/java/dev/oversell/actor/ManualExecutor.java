package dev.oversell.actor;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic dispatcher for tests of the runtime and of actor designs: it runs nothing by itself. Turns
 * submitted to it wait until the test runs them, on the test's own thread, so a test decides exactly when each turn
 * happens (an {@link ActorSystem#ActorSystem(String, Executor) ActorSystem} over it).
 */
public final class ManualExecutor implements Executor {

    private final BlockingQueue<Runnable> submitted = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable turn) {
        submitted.add(turn);
    }

    /** Turns submitted and not yet run. */
    public int pending() {
        return submitted.size();
    }

    /** Waits (at most 5 s) until {@code count} turns are pending, as another thread submits them. */
    public void awaitPending(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (submitted.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " submitted turns within 5 s, saw " + submitted.size());
            }
            Thread.onSpinWait();
        }
    }

    /** Runs the pending turns, and the turns they submit, until none is left; returns how many ran. */
    public int runAll() {
        int ran = 0;
        for (Runnable turn = submitted.poll(); turn != null; turn = submitted.poll()) {
            turn.run();
            ran++;
        }
        return ran;
    }
}
