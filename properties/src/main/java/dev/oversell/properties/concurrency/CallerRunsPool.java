package dev.oversell.properties.concurrency;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Lincheck's model checker hands a design declared to run on a pool: each task runs at once, on the thread
 * that handed it over, which the model checker schedules. Tasks of different callers therefore run at the same
 * time, in any interleaving of their steps, as on a pool with at least as many threads as callers (the critical
 * scenarios have at most three); nothing serialises them, so a design that is only correct on one thread is
 * caught here rather than passed.
 *
 * <p>What it does not explore: a task runs before {@code execute} returns, so the caller's own code after handing
 * a task over, without waiting for it, never races that task (jcstress, on the real pool, does); a pool smaller
 * than the callers runs fewer tasks at once than here, so what is seen here may be more than that pool allows,
 * never less; a task that waits for another task of the same pool cannot starve it here.
 */
final class CallerRunsPool extends AbstractExecutorService {

    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
        if (shutdown.get()) {
            throw new RejectedExecutionException("the executor was shut down");
        }
        running.incrementAndGet();
        try {
            task.run();
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void shutdown() {
        shutdown.set(true);
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown.set(true);
        return List.of(); // nothing ever waits: each task ran on its caller's thread
    }

    @Override
    public boolean isShutdown() {
        return shutdown.get();
    }

    @Override
    public boolean isTerminated() {
        return shutdown.get() && running.get() == 0;
    }

    /** True once shut down: within a model-checked run, every task ended with the call that handed it over. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isShutdown();
    }
}
