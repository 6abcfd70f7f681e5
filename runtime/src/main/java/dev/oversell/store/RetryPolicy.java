package dev.oversell.store;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often a database design retries a purchase the engine aborted (serialization failure, deadlock, lock
 * timeout, a concurrent duplicate of the request id), and how long it backs off in between: exponential from
 * {@code firstBackoffMillis}, capped at {@code maxBackoffMillis}, with jitter (a pause drawn between half the
 * backoff and the whole of it, so that buyers aborted together do not come back together). When the attempts
 * run out the caller gets a {@link StoreException}; every attempt was rolled back, so nothing was applied.
 *
 * <p>The jitter changes when a retry runs, never what it decides; {@link #worstCase} bounds the whole, for
 * callers (an actor's ask, say) that must wait at least that long before giving up on an answer.
 */
public record RetryPolicy(int maxAttempts, long firstBackoffMillis, long maxBackoffMillis) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(10, 1, 50);

    public RetryPolicy {
        if (maxAttempts < 1 || firstBackoffMillis < 0 || maxBackoffMillis < firstBackoffMillis) {
            throw new IllegalArgumentException("invalid retry policy " + maxAttempts + ", " + firstBackoffMillis
                    + ", " + maxBackoffMillis);
        }
    }

    /** The longest pause before attempt {@code attempt} (2, 3, ...): the backoff without jitter. */
    public long backoffMillis(int attempt) {
        long pause = firstBackoffMillis << Math.min(20, Math.max(0, attempt - 2));
        return Math.min(maxBackoffMillis, pause);
    }

    /** The pause before attempt {@code attempt}, jittered: between half of {@link #backoffMillis} and all of it. */
    public long jitteredBackoffMillis(int attempt, RandomGenerator random) {
        long most = backoffMillis(attempt);
        long least = most / 2;
        return least + random.nextLong(most - least + 1);
    }

    /**
     * The longest one call can take under this policy when each of its attempts sends at most
     * {@code statementsPerAttempt} statements and each may wait out {@code lockTimeoutMillis} for a lock: every
     * attempt waiting out every lock, plus every pause. One second of slack per attempt covers the work itself.
     */
    public Duration worstCase(int lockTimeoutMillis, int statementsPerAttempt) {
        long millis = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            millis += (long) statementsPerAttempt * lockTimeoutMillis + 1_000;
            if (attempt > 1) {
                millis += backoffMillis(attempt);
            }
        }
        return Duration.ofMillis(millis);
    }
}
