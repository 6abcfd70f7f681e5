package dev.oversell.catalogue.redis.lock;

import dev.oversell.redis.Keyspace;
import dev.oversell.redis.lock.DistributedLock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.UUID;

/**
 * The lock written by hand on Lettuce: {@code SET key token NX PX lease} until it answers {@code OK}, released with a
 * plain {@code DEL key}. The lease lets a paused holder's lock go; the plain {@code DEL} lets go of whatever lock is
 * there, the next holder's included. No fencing token.
 */
public final class SetNxPxLock implements DistributedLock {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> redis;
    private final Keyspace keys;

    /** Over a client of its own, which {@link #close} shuts down. */
    public SetNxPxLock(RedisClient client, Keyspace keys) {
        this.client = client;
        this.redis = client.connect();
        this.keys = keys;
    }

    @Override
    public Held acquire(String product, Duration lease, Duration wait) {
        String key = keys.lock(product);
        String token = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + wait.toNanos();
        while (!"OK".equals(redis.sync().set(key, token, SetArgs.Builder.nx().px(lease.toMillis())))) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the lock of " + product + " was not free within " + wait);
            }
            try {
                Thread.sleep(2); // a hand-written lock polls; the usual back-off
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the lock of " + product, interrupted);
            }
        }
        return new Held() {
            @Override
            public long token() {
                return 0;
            }

            @Override
            public void close() {
                redis.sync().del(key);
            }
        };
    }


    @Override
    public void close() {
        redis.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
