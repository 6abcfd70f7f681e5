package dev.oversell.store;

/**
 * A database design could not give an answer: the database is unreachable, the connection died, or retries
 * ran out. The transaction was rolled back, so nothing was applied; resubmitting the same request id is safe
 * (if a commit was lost in flight, the resubmission finds and returns its answer instead of applying it twice).
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
