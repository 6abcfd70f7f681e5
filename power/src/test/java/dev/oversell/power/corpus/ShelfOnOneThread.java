package dev.oversell.power.corpus;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * A {@link Shelf} touched only by tasks of the single-thread executor a design is handed: each task runs on the
 * owner thread, one at a time, and the caller waits for its answer. The executor designs of the corpus differ only
 * in what they do in a task and what the caller decides before handing it over.
 */
final class ShelfOnOneThread implements AutoCloseable {

    private final ExecutorService owner;
    private final Shelf shelf;

    ShelfOnOneThread(ExecutorService owner, Shelf shelf) {
        this.owner = owner;
        this.shelf = shelf;
    }

    /**
     * Runs {@code work} on the owner thread and returns its answer; its exception is the caller's. Once closed (the
     * executor shut down), every call is refused with the contract's {@link IllegalStateException}, not the
     * executor's {@link RejectedExecutionException}.
     */
    <R> R submit(Function<Shelf, R> work) {
        try {
            return owner.submit(() -> work.apply(shelf)).get();
        } catch (RejectedExecutionException closed) {
            throw new IllegalStateException("closed: its owner thread takes no more calls", closed);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        owner.shutdown();
    }
}
