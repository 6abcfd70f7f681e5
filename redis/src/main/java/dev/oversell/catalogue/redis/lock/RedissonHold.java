package dev.oversell.catalogue.redis.lock;

import dev.oversell.redis.lock.DistributedLock;
import org.redisson.api.RLock;

/**
 * A hold of a Redisson lock, let go as Redisson's users write it: {@code if (lock.isHeldByCurrentThread())
 * lock.unlock()}, so a holder whose lease ran out does not throw.
 */
record RedissonHold(RLock lock, long token) implements DistributedLock.Held {

    @Override
    public void close() {
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }
}
