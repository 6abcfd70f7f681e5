package dev.oversell.design;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kind of executor a design runs its calls on, as its entry declares it: {@link Serial one thread}, whose tasks
 * run one at a time in the order they were handed over, or {@link Pool a pool of n threads}, whose tasks run at
 * once. The kind is part of the claim: a design correct on one thread may oversell on a pool, so each check hands
 * the design an executor of the declared kind (jcstress a real one, {@link #start}; Lincheck's model checker one it
 * can schedule) and the production wiring must hand it the same kind.
 */
public sealed interface HandedExecutor {

    /** {@code Executors.newSingleThreadExecutor()}: one task at a time, first handed, first run. */
    static HandedExecutor singleThread() {
        return new Serial();
    }

    /** {@code Executors.newFixedThreadPool(threads)}: up to {@code threads} tasks at once, in any order. */
    static HandedExecutor poolOf(int threads) {
        return new Pool(threads);
    }

    /** A real executor of this kind, on daemon threads named after {@code design}; the caller shuts it down. */
    ExecutorService start(String design);

    /** One worker thread. */
    record Serial() implements HandedExecutor {
        @Override
        public ExecutorService start(String design) {
            return Executors.newSingleThreadExecutor(daemonThreads(design));
        }

        @Override
        public String toString() {
            return "a single-thread executor";
        }
    }

    /** {@code threads} worker threads, at least one. */
    record Pool(int threads) implements HandedExecutor {
        public Pool {
            if (threads < 1) {
                throw new IllegalArgumentException("a pool needs at least one thread, got " + threads);
            }
        }

        @Override
        public ExecutorService start(String design) {
            return Executors.newFixedThreadPool(threads, daemonThreads(design));
        }

        @Override
        public String toString() {
            return "a pool of " + threads + " threads";
        }
    }

    private static ThreadFactory daemonThreads(String design) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, design + "-executor-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
