package dev.oversell.design;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One design instance's executor over threads that every instance of the design in this JVM shares
 * ({@link OnExecutor#onSharedExecutor}). Its tasks run on the shared executor's threads, so a single-thread
 * executor's tasks still run one at a time, in the order handed over, on one real thread; but shutting this view
 * down refuses its own new tasks only ({@link RejectedExecutionException}, as a shut-down executor does) and waits
 * for its own tasks, while the shared threads run on for the other instances. Tasks already handed over are not
 * taken back by {@link #shutdownNow()}: they run, as they would on a pool that was never interrupted.
 */
final class SharedExecutorView extends AbstractExecutorService {

    private final ExecutorService threads;
    /** Tasks handed over and not yet ended. Guarded by this. */
    private int unfinished;
    /** Guarded by this. */
    private boolean shutdown;

    SharedExecutorView(ExecutorService threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("this instance's executor was shut down");
            }
            unfinished++;
        }
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    ended();
                }
            });
        } catch (RuntimeException | Error refused) {
            ended();
            throw refused;
        }
    }

    private synchronized void ended() {
        unfinished--;
        notifyAll();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && unfinished == 0;
    }

    @Override
    public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
