package dev.oversell.actor;

import io.micrometer.context.ContextSnapshotFactory;

import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A shared pool and the actors multiplexed on it. Closing the system stops every actor (failing what is
 * pending) and shuts its own pool down; sends after that fail with {@link ActorStoppedException}.
 *
 * <p>A system made {@link #carryingSendersContext() to carry the sender's context} captures, with each message,
 * what the sending thread holds in the thread locals that Micrometer's context propagation knows of (a tracing
 * context, a logging context, a test's scheduled transaction), and puts it in place while the message is
 * handled, as executors wrapped by that library do: the work done for a caller is seen as the caller's.
 */
public final class ActorSystem implements AutoCloseable {

    private final String name;
    private final Executor pool;
    private final Runnable releasePool; // shuts down a pool of the system's own; nothing for a caller's executor
    private final Set<ActorRef<?>> actors = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Captures the sender's context with each message; null: messages carry none. */
    private volatile ContextSnapshotFactory context;

    /** A system on its own pool of {@code threads} daemon threads. */
    public ActorSystem(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("an actor system needs at least one thread, got " + threads);
        }
        this.name = Objects.requireNonNull(name, "name");
        ExecutorService ownPool = new ForkJoinPool(threads, pool -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(name + "-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, true);
        this.pool = ownPool;
        this.releasePool = ownPool::shutdown;
    }

    /**
     * A system whose turns run on {@code executor}, which the caller owns: closing the system stops its actors
     * but leaves the executor alone. Meant for checks that must control the threads turns run on: with a direct
     * executor ({@code Runnable::run}) a turn runs on the thread that sent, stopped or ended the previous turn,
     * so a model checker that drives those threads sees every step of the runtime. An executor that rejects a
     * turn stops that actor, failing what is pending.
     */
    public ActorSystem(String name, Executor executor) {
        this.name = Objects.requireNonNull(name, "name");
        this.pool = Objects.requireNonNull(executor, "executor");
        this.releasePool = () -> { };
    }

    /** A system with one thread per available processor. */
    public ActorSystem(String name) {
        this(name, Runtime.getRuntime().availableProcessors());
    }

    /**
     * From now on, each message sent to an actor spawned by this system carries the sender's context (every thread
     * local registered with Micrometer's {@code ContextRegistry}), in place while the message is handled.
     */
    public ActorSystem carryingSendersContext() {
        this.context = ContextSnapshotFactory.builder().build();
        return this;
    }

    /**
     * Starts an actor. {@code behavior} builds its initial state, and its state again on each restart.
     *
     * @throws ActorStoppedException if the system is closed
     */
    public <M> ActorRef<M> spawn(String actorName, Supplier<? extends Behavior<M>> behavior, SupervisionPolicy policy) {
        if (closed.get()) {
            throw new ActorStoppedException("actor system " + name + " is closed; cannot spawn " + actorName, null);
        }
        ActorRef<M> ref = new ActorRef<>(new Mailbox<>(name + "/" + actorName, pool,
                Objects.requireNonNull(behavior, "behavior"), Objects.requireNonNull(policy, "policy"), context));
        actors.add(ref);
        ref.terminated().whenComplete((ignored, error) -> actors.remove(ref));
        return ref;
    }

    /** Stops every actor (failing pending replies), waits briefly for them, and shuts its own pool down. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<?>[] stopping = actors.stream()
                .map(actor -> actor.stop(StopMode.FAIL_PENDING))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stopping).get(10, TimeUnit.SECONDS);
        } catch (Exception notAllStopped) {
            // a handler still running after 10 s is stuck; shutting the pool down below interrupts nobody
        }
        releasePool.run();
    }

    @Override
    public String toString() {
        return "ActorSystem[" + name + "]";
    }
}
