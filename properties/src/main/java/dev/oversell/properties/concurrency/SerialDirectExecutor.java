package dev.oversell.properties.concurrency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What Lincheck's model checker hands a design declared to run on a single-thread executor: the same semantics,
 * on threads the model checker schedules. Tasks run one at a time, in the order they were handed over, each after
 * the previous one ended (so it sees all that one did); the thread that hands a task over while no task runs
 * becomes the worker and runs the queue until it is empty, and a task handed over meanwhile waits in the queue.
 * The queue and the "a task runs" flag are under this object's monitor, which the model checker sees: it switches
 * threads before, between and inside tasks as it would between a real worker's steps and the callers'.
 *
 * <p>Why not the other ways. Not {@code Runnable::run}: two callers would run tasks at once, which a single thread
 * never does, and a correct owner-thread design would be reported overselling. Not a real executor: the
 * data-structure API Oversell drives (scenarios, sequential specification, coverage per scenario) does not
 * schedule threads created inside an operation, and Lincheck's general-purpose checker, which does, was measured
 * to hang on an executor whose workers outlive its block (they park with a timeout).
 *
 * <p>What it does not explore, and why that is named rather than hidden: a task runs before {@code execute}
 * returns when its caller finds the queue idle, so the caller's own code after handing a task over, without
 * waiting for it, never races that task here (it does on a real worker, and in jcstress). A design whose caller
 * waits for what it handed over ({@code submit(...).get()}, {@code join()}) is explored in full. A task that
 * throws ends as it would on a worker (the future holds it); a plain {@code Runnable}'s exception is thrown to
 * the caller that ran it once the queue is drained, so it is a loud error, never a silent pass.
 * {@link #awaitTermination} waits for the queue, untimed: within a model-checked run a task ends or the run
 * is reported hung.
 */
final class SerialDirectExecutor extends AbstractExecutorService {

    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private boolean shutdown;

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the executor was shut down");
            }
            queue.add(task);
            if (running) {
                return; // the thread that runs the queue runs it too, after those before it
            }
            running = true;
        }
        runQueue();
    }

    private void runQueue() {
        RuntimeException failed = null;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    notifyAll();
                    break;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(queue);
        queue.clear();
        return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && !running;
    }

    @Override
    public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        while (!isTerminated()) {
            wait();
        }
        return true;
    }
}
