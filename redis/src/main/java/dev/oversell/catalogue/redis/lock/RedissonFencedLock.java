package dev.oversell.catalogue.redis.lock;

import dev.oversell.redis.Keyspace;
import dev.oversell.redis.lock.DistributedLock;
import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Redisson's {@code RFencedLock}, taken with a lease ({@code tryLockAndGetToken(wait, lease, unit)}): the same lease
 * as {@link RedissonLeaseLock}, and with each hold a fencing token that grows with every hold of the lock. The lock
 * alone fences nothing either; the design's write carries the token and the database refuses a token older than the
 * last one written, so a holder paused past its lease writes nothing when it runs again.
 */
public final class RedissonFencedLock implements DistributedLock {

    private final RedissonClient redisson;
    private final Keyspace keys;

    public RedissonFencedLock(RedissonClient redisson, Keyspace keys) {
        this.redisson = redisson;
        this.keys = keys;
    }

    @Override
    public Held acquire(String product, Duration lease, Duration wait) {
        RFencedLock lock = redisson.getFencedLock(keys.lock(product));
        Long token = lock.tryLockAndGetToken(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            throw new IllegalStateException("the lock of " + product + " was not free within " + wait);
        }
        return new RedissonHold(lock, token);
    }


    @Override
    public void close() {
        redisson.shutdown();
    }
}
