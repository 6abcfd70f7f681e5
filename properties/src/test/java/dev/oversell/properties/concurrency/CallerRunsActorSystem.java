package dev.oversell.properties.concurrency;

import dev.oversell.actor.ActorSystem;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic dispatcher for actor variants under Lincheck's model checker: an {@link ActorSystem} whose
 * mailboxes run each turn on the thread that schedules it (the sender that finds the mailbox idle, or the
 * turn that just ended and finds more messages). Every step of every actor then runs on a thread the model
 * checker controls, and is interleaved with the callers' own steps like any other code: a sender that finds
 * a turn running enqueues and waits, and the model checker decides when the running turn reaches its message.
 * The runtime's protocol (one turn at a time, no lost wake-up, replies, stop) is the one explored; only the
 * choice of thread differs from a pool. No thread is started, so none can outlive the check.
 *
 * <p>Stand-in until {@code dev.oversell.actor} offers an {@code ActorSystem} over a given {@code Executor}:
 * the runtime builds its pool in the constructor, so this swaps it, before any actor is spawned, for an
 * executor that runs tasks where they are submitted. A runtime whose field changed fails here, loudly.
 */
final class CallerRunsActorSystem {

    private CallerRunsActorSystem() {
    }

    static ActorSystem create(String name) {
        ActorSystem system = new ActorSystem(name, 1); // its ForkJoinPool starts no thread until a task arrives
        try {
            Field pool = ActorSystem.class.getDeclaredField("pool");
            pool.setAccessible(true);
            ((ExecutorService) pool.get(system)).shutdownNow();
            pool.set(system, new CallerRuns());
        } catch (ReflectiveOperationException | RuntimeException changed) {
            throw new IllegalStateException("cannot run " + ActorSystem.class.getName() + " on the caller's thread"
                    + " (its private field 'pool' changed?); the actor variants cannot be model-checked", changed);
        }
        return system;
    }

    /** Runs every task at once, on the submitting thread. */
    private static final class CallerRuns extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable task) {
            if (shutdown) {
                throw new RejectedExecutionException("the actor system is closed");
            }
            task.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
