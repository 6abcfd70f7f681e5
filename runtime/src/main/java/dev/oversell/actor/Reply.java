package dev.oversell.actor;

import java.util.concurrent.CompletableFuture;

/**
 * A one-shot answer channel. The first {@link #complete} or {@link #fail} wins; later ones are ignored (a
 * reply that already timed out stays timed out). It can be passed on: an actor that forwards a request to
 * another actor forwards the original sender's {@code Reply}, so the answer goes straight back to the
 * sender.
 */
public final class Reply<R> {

    private final CompletableFuture<R> answer = new CompletableFuture<>();

    public Reply() {
    }

    /** Answers; returns false if the reply was already answered, failed or timed out. */
    public boolean complete(R value) {
        return answer.complete(value);
    }

    /** Fails the reply; returns false if it was already answered, failed or timed out. */
    public boolean fail(Throwable error) {
        return answer.completeExceptionally(error);
    }

    public boolean isDone() {
        return answer.isDone();
    }

    CompletableFuture<R> future() {
        return answer;
    }
}
