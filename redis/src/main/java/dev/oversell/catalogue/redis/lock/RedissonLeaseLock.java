package dev.oversell.catalogue.redis.lock;

import dev.oversell.redis.Keyspace;
import dev.oversell.redis.lock.DistributedLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Redisson's {@code RLock} taken with a lease ({@code tryLock(wait, lease, unit)}): Redis lets it go when the lease
 * is up, whoever holds it, and no watchdog renews a lock taken with an explicit lease. Released as Redisson's users
 * write it, {@code if (lock.isHeldByCurrentThread()) lock.unlock()}, so a holder whose lease ran out does not throw.
 * It fences nothing: a holder paused past its lease still writes when it runs again.
 */
public final class RedissonLeaseLock implements DistributedLock {

    private final RedissonClient redisson;
    private final Keyspace keys;

    public RedissonLeaseLock(RedissonClient redisson, Keyspace keys) {
        this.redisson = redisson;
        this.keys = keys;
    }

    @Override
    public Held acquire(String product, Duration lease, Duration wait) {
        RLock lock = redisson.getLock(keys.lock(product));
        try {
            if (!lock.tryLock(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the lock of " + product + " was not free within " + wait);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the lock of " + product, interrupted);
        }
        return new RedissonHold(lock, 0);
    }


    @Override
    public void close() {
        redisson.shutdown();
    }
}
