package dev.oversell.actor;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One actor's mailbox and run loop. Package-private: users see {@link ActorRef}.
 *
 * <p><b>One at a time:</b> a turn is submitted to the pool only by whoever flips {@code scheduled} from
 * false to true, and a turn clears it only when it ends (the turn that terminates the mailbox never clears
 * it), so at most one turn of an actor runs at once. <b>Visibility:</b> a turn ends with a volatile write of
 * {@code scheduled}; the next turn starts with a volatile read-and-write of it (the CAS), so every write of the
 * previous turn happens-before the next turn, on whatever thread it runs. <b>No lost wake-up:</b> a turn clears
 * {@code scheduled} and then looks at the queue and at {@code closed} again; a sender enqueues (a stopper sets
 * {@code closed}) and then tries to schedule. One of the two always sees the other (volatile accesses are
 * sequentially consistent), so neither a message nor a stop sits in an idle mailbox.
 * <b>Stop:</b> {@code closed} is set under the same lock as every enqueue, so each message is either refused
 * at the door or is in the queue when the mailbox closes. A turn terminates the mailbox only if it reads
 * {@code closed} as true and <em>then</em> finds the queue empty: from then on no message can arrive, and the
 * turn still holds {@code scheduled} (forever), so no other turn can start. Hence every accepted message was
 * handled or failed, {@code terminated} completes after the last handler has returned, and whoever sees it
 * complete sees every write of every turn. A pool that rejects a turn leaves the mailbox in the same state: the
 * party that was refused holds {@code scheduled}, closes, fails what is queued and terminates, alone.
 * <b>Context:</b> in a system that carries the sender's context, each message is queued with a snapshot of it,
 * put in place on the turn's thread while that message is handled and taken away after.
 */
final class Mailbox<M> implements Runnable {

    private static final int MESSAGES_PER_TURN = 32;

    private final String name;
    private final Executor pool;
    private final Supplier<? extends Behavior<M>> factory;
    private final SupervisionPolicy policy;
    private final ContextSnapshotFactory context;
    private final Queue<Envelope<M>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private volatile boolean closed;
    private volatile StopMode stopMode = StopMode.DRAIN;
    private volatile Throwable stopCause;
    private Behavior<M> behavior; // touched only inside turns

    /** A message and the sender's context it carries (null: none). */
    private record Envelope<M>(M message, ContextSnapshot context) {
    }

    Mailbox(String name, Executor pool, Supplier<? extends Behavior<M>> factory, SupervisionPolicy policy,
            ContextSnapshotFactory context) {
        this.name = name;
        this.context = context;
        this.pool = pool;
        this.factory = factory;
        this.policy = policy;
        this.behavior = factory.get();
    }

    String name() {
        return name;
    }

    void enqueue(M message) {
        synchronized (this) {
            if (closed) {
                throw new ActorStoppedException("actor " + name + " is stopped; refused " + message, stopCause);
            }
            queue.add(new Envelope<>(message, context == null ? null : context.captureAll()));
        }
        schedule();
    }

    CompletableFuture<Void> close(StopMode mode, Throwable cause) {
        synchronized (this) {
            if (!closed) {
                stopMode = mode;
                stopCause = cause;
                closed = true;
            }
        }
        schedule(); // a turn on a closed mailbox drains or fails what is left and terminates
        return terminated;
    }

    boolean isClosed() {
        return closed;
    }

    CompletableFuture<Void> terminated() {
        return terminated;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) { // fails for good once the mailbox has terminated
            try {
                pool.execute(this);
            } catch (RejectedExecutionException poolGone) {
                // still holding `scheduled`: no turn runs now or later, so this party fails and terminates alone
                closeFromInside(StopMode.FAIL_PENDING, poolGone);
                failAll(poolGone);
                terminated.complete(null);
            }
        }
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < MESSAGES_PER_TURN; i++) {
                if (closed && stopMode == StopMode.FAIL_PENDING) {
                    failAll(stopCause);
                    break;
                }
                Envelope<M> envelope = queue.poll();
                if (envelope == null) {
                    break;
                }
                if (envelope.context() == null) {
                    handle(envelope.message());
                } else {
                    try (ContextSnapshot.Scope sendersContext = envelope.context().setThreadLocals()) {
                        handle(envelope.message());
                    }
                }
            }
        } finally {
            if (closed && queue.isEmpty()) { // in this order: once closed, nothing more can be enqueued
                terminated.complete(null);   // keeps `scheduled`: no turn starts after this one
            } else {
                scheduled.set(false);
                if (!queue.isEmpty() || closed) {
                    schedule();
                }
            }
        }
    }

    private void handle(M message) {
        try {
            behavior.receive(message);
        } catch (Throwable failure) {
            failReply(message, new ActorFailedException(name, message, failure));
            if (failure instanceof Error error && !(failure instanceof AssertionError)) {
                closeFromInside(StopMode.FAIL_PENDING, error);
                throw error;
            }
            switch (policy) {
                case RESUME -> { }
                case RESTART -> restart(failure);
                case STOP -> closeFromInside(StopMode.FAIL_PENDING, failure);
            }
        }
    }

    private void restart(Throwable failure) {
        try {
            behavior = factory.get();
        } catch (RuntimeException factoryFailed) {
            factoryFailed.addSuppressed(failure);
            closeFromInside(StopMode.FAIL_PENDING, factoryFailed);
        }
    }

    private void closeFromInside(StopMode mode, Throwable cause) {
        synchronized (this) {
            if (!closed) {
                stopMode = mode;
                stopCause = cause;
                closed = true;
            }
        }
    }

    private void failAll(Throwable cause) {
        for (Envelope<M> pending = queue.poll(); pending != null; pending = queue.poll()) {
            failReply(pending.message(), new ActorStoppedException(
                    "actor " + name + " stopped before handling " + pending.message(), cause));
        }
    }

    private static void failReply(Object message, Throwable error) {
        if (message instanceof AwaitsReply awaiting) {
            awaiting.replyTo().fail(error);
        }
    }
}
