package dev.oversell.power.corpus;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.AwaitsReply;
import dev.oversell.actor.Behavior;
import dev.oversell.actor.Reply;
import dev.oversell.actor.StopMode;
import dev.oversell.actor.SupervisionPolicy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A {@link Shelf} owned by one actor: each turn sent to it runs on the actor, one at a time, and nothing else
 * touches the shelf (unless a design hands it out: that is its bug). The actor designs of the corpus differ only
 * in what they do in a turn and how many turns a call takes.
 */
final class OwnedShelf implements AutoCloseable {

    /** One turn: work on the shelf, and where its answer goes. */
    record Turn<R>(Function<Shelf, R> work, Reply<R> replyTo) implements AwaitsReply {
    }

    private final ActorRef<Turn<?>> actor;
    private final Duration askTimeout;

    OwnedShelf(ActorSystem system, Shelf shelf, Duration askTimeout) {
        this.askTimeout = askTimeout;
        Behavior<Turn<?>> owner = turn -> answer(turn, shelf);
        this.actor = system.spawn("shelf", () -> owner, SupervisionPolicy.RESUME);
    }

    private static <R> void answer(Turn<R> turn, Shelf shelf) {
        try {
            turn.replyTo().complete(turn.work().apply(shelf));
        } catch (RuntimeException badInput) { // the shelf validates before it writes: nothing changed
            turn.replyTo().fail(badInput);
        }
    }

    /** Runs {@code work} in a turn of the actor and waits for its answer. */
    <R> R ask(Function<Shelf, R> work) {
        CompletableFuture<R> answer = actor.ask(reply -> new Turn<>(work, reply), askTimeout);
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the shelf", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() != null && failed.getCause().getCause() instanceof RuntimeException crash
                    ? crash : failed.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    /** Sends {@code work} as a turn of its own, without waiting for it. */
    void tell(Function<Shelf, ?> work) {
        actor.tell(new Turn<>(work, new Reply<>()));
    }

    /** Stops the actor after the turns already sent. */
    @Override
    public void close() {
        actor.stop(StopMode.DRAIN);
    }
}
