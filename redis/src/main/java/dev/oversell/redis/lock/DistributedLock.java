package dev.oversell.redis.lock;

import java.time.Duration;

/**
 * A lock several application instances share through Redis, as a lock design takes it around its database
 * purchase: one per product, taken with a lease (the time after which Redis lets it go whoever holds it), under the
 * key {@link dev.oversell.redis.Keyspace#lock} of the run's keys, where the check watches the lease run out.
 */
public interface DistributedLock extends AutoCloseable {

    /** Waits for the lock of {@code product} (at most {@code wait}) and holds it for at most {@code lease}. */
    Held acquire(String product, Duration lease, Duration wait);

    /** Releases what the lock holds of Redis (its client). */
    @Override
    void close();

    /** The lock, held. */
    interface Held extends AutoCloseable {

        /** The fencing token the lock handed out with this hold, increasing per lock; 0 for a lock that has none. */
        long token();

        /** Lets the lock go, the way the design does. */
        @Override
        void close();
    }
}
