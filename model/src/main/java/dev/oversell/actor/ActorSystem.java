package dev.oversell.actor;

import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A shared pool and the actors multiplexed on it. Closing the system stops every actor (failing what is
 * pending) and shuts the pool down; sends after that fail with {@link ActorStoppedException}.
 */
public final class ActorSystem implements AutoCloseable {

    private final String name;
    private final ExecutorService pool;
    private final Set<ActorRef<?>> actors = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A system on its own pool of {@code threads} daemon threads. */
    public ActorSystem(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("an actor system needs at least one thread, got " + threads);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.pool = new ForkJoinPool(threads, pool -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(name + "-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }

    /** A system with one thread per available processor. */
    public ActorSystem(String name) {
        this(name, Runtime.getRuntime().availableProcessors());
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
                Objects.requireNonNull(behavior, "behavior"), Objects.requireNonNull(policy, "policy")));
        actors.add(ref);
        ref.terminated().whenComplete((ignored, error) -> actors.remove(ref));
        return ref;
    }

    /** Stops every actor (failing pending replies), waits briefly for them, and shuts the pool down. */
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
        pool.shutdown();
    }

    @Override
    public String toString() {
        return "ActorSystem[" + name + "]";
    }
}
