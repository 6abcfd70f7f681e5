package dev.oversell.catalogue.actor;

import dev.oversell.actor.ActorFailedException;
import dev.oversell.actor.AskTimeoutException;
import dev.oversell.model.AnswerTimeoutException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Turns an actor's future answer into the synchronous {@code Inventory} contract's answer or exception. */
final class Answers {

    private Answers() {
    }

    static <T> T await(CompletableFuture<T> answer, String what, Duration timeout) {
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer to " + what
                    + "; it may still be applied, resubmit the same request id to learn its outcome", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof AskTimeoutException) {
                throw new AnswerTimeoutException(what, timeout, cause);
            }
            if (cause instanceof ActorFailedException && cause.getCause() instanceof RuntimeException crash) {
                throw crash;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime; // bad input as the specification reports it, or ActorStoppedException
            }
            throw new IllegalStateException("the inventory actor failed answering " + what, cause);
        }
    }
}
