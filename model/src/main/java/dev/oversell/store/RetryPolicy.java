package dev.oversell.store;

/**
 * How often a database variant retries a purchase the engine aborted (serialization failure, deadlock, lock
 * timeout, a concurrent duplicate of the request id), and how long it backs off in between: exponential from
 * {@code firstBackoffMillis}, capped at {@code maxBackoffMillis}. When the attempts run out the caller gets a
 * {@link StoreException}; every attempt was rolled back, so nothing was applied.
 */
public record RetryPolicy(int maxAttempts, long firstBackoffMillis, long maxBackoffMillis) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(10, 1, 50);

    public RetryPolicy {
        if (maxAttempts < 1 || firstBackoffMillis < 0 || maxBackoffMillis < firstBackoffMillis) {
            throw new IllegalArgumentException("invalid retry policy " + maxAttempts + ", " + firstBackoffMillis
                    + ", " + maxBackoffMillis);
        }
    }

    /** The pause before attempt {@code attempt} (2, 3, ...). */
    public long backoffMillis(int attempt) {
        long pause = firstBackoffMillis << Math.min(20, Math.max(0, attempt - 2));
        return Math.min(maxBackoffMillis, pause);
    }
}
