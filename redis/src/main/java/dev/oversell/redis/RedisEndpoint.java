package dev.oversell.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one application server reaches Redis: the address it is given (in a check, its buyer's proxy, so that the
 * gate sees its commands) and a Lettuce client over that address, which the check makes and closes. A design on
 * Lettuce uses the client; a design on another client (Spring Data Redis's {@code StringRedisTemplate}, say) opens
 * its own connection to the address, and closes it when the design is closed.
 */
public record RedisEndpoint(RedisURI uri, RedisClient client) implements AutoCloseable {

    public RedisEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(client, "client");
    }

    /** An endpoint at {@code uri} with a client of its own ({@link RedisServer#client}), closed by {@link #close}. */
    public static RedisEndpoint at(RedisURI uri) {
        return new RedisEndpoint(uri, RedisServer.client(uri));
    }

    /** Shuts the client down. */
    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
