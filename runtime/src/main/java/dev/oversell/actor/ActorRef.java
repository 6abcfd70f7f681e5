package dev.oversell.actor;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The handle through which an actor is sent messages. Thread-safe; any number of threads may send.
 *
 * @param <M> the messages the actor accepts
 */
public final class ActorRef<M> {

    private final Mailbox<M> mailbox;

    ActorRef(Mailbox<M> mailbox) {
        this.mailbox = mailbox;
    }

    public String name() {
        return mailbox.name();
    }

    /**
     * Enqueues {@code message} and returns at once.
     *
     * @throws ActorStoppedException if the actor is stopped or stopping; nothing was enqueued
     */
    public void tell(M message) {
        mailbox.enqueue(Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends the message built around a fresh {@link Reply} and returns the reply's future. The future fails
     * with {@link AskTimeoutException} after {@code timeout}, with {@link ActorFailedException} if the
     * handler throws, and with {@link ActorStoppedException} if the actor stops first. <b>A timeout does
     * not cancel the message</b>: it may still be handled later.
     *
     * @throws ActorStoppedException if the actor is stopped or stopping; nothing was enqueued
     */
    public <R> CompletableFuture<R> ask(Function<Reply<R>, ? extends M> messageAround, Duration timeout) {
        Objects.requireNonNull(timeout, "an ask needs a timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("an ask timeout must be positive, got " + timeout);
        }
        Reply<R> reply = new Reply<>();
        M message = messageAround.apply(reply);
        if (!(message instanceof AwaitsReply awaiting) || awaiting.replyTo() != reply) {
            throw new IllegalArgumentException("ask needs a message that carries the reply it was given: " + message);
        }
        tell(message);
        return reply.future()
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        unwrap(error) instanceof TimeoutException
                                ? new AskTimeoutException(name(), message, timeout)
                                : unwrap(error)));
    }

    /** Stops the actor (idempotent; the first mode wins). The future completes once it has terminated. */
    public CompletableFuture<Void> stop(StopMode mode) {
        return mailbox.close(Objects.requireNonNull(mode, "mode"), null);
    }

    /** True once the actor refuses new messages (stopped by a caller, by its policy, or by its system). */
    public boolean isStopped() {
        return mailbox.isClosed();
    }

    /**
     * Completes when the actor has terminated: it is stopped, every message it accepted was handled or failed, and
     * its last handler has returned; no handler of it runs after. Whoever sees it complete sees the state every
     * handler wrote.
     */
    public CompletableFuture<Void> terminated() {
        return mailbox.terminated();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    @Override
    public String toString() {
        return "ActorRef[" + name() + "]";
    }
}
