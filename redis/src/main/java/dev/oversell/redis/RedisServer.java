package dev.oversell.redis;

import dev.oversell.properties.database.Engines;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;

/**
 * The Redis the checks run on ({@link RedisSettings}), reached once per test JVM, with one set of Lettuce's
 * resources (its event loops) for every client a check makes. A Redis that cannot be reached is reported loudly and
 * the Redis checks are skipped; when the real servers are required ({@code CI=true}, as for the engines:
 * {@link Engines#required()}) it fails the run instead.
 */
public final class RedisServer {

    private static final ClientResources RESOURCES = DefaultClientResources.builder().ioThreadPoolSize(2)
            .computationThreadPoolSize(2).build();
    private static Object reached;

    private RedisServer() {
    }

    /** A client of the configured server, or the calling test aborted (skipped, loudly) or failed under CI. */
    public static synchronized RedisClient openOrSkip() {
        if (reached == null) {
            reached = reach();
        }
        if (reached instanceof RuntimeException unreachable) {
            if (Engines.required()) {
                Assertions.fail("Redis is required (CI=true) but unreachable: " + unreachable.getMessage());
            }
            Assumptions.abort("Redis SKIPPED, not reachable: " + unreachable.getMessage());
        }
        return client(RedisSettings.uri());
    }

    /** The server's version and persistence, as it says them, for a script's header. */
    public static synchronized String version() {
        openOrSkip();
        return (String) reached;
    }

    /** As {@link #openOrSkip()}, with the server's address: what one application server of a check is given. */
    public static RedisEndpoint endpointOrSkip() {
        return new RedisEndpoint(RedisSettings.uri(), openOrSkip());
    }

    /** A client of {@code uri} (the configured server, or a gate's proxy of it) on the shared resources. */
    public static RedisClient client(RedisURI uri) {
        // a command that neither answers nor fails within 20 s is an error, as a statement under the gate is
        return RedisClient.create(RESOURCES, RedisURI.builder(uri).withTimeout(Duration.ofSeconds(20)).build());
    }

    private static Object reach() {
        RedisClient client = RedisClient.create(RESOURCES, RedisURI.builder(RedisSettings.uri())
                .withTimeout(Duration.ofSeconds(5)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String info = connection.sync().info("server");
            String version = info.lines().filter(l -> l.startsWith("redis_version:")).findFirst()
                    .map(l -> "Redis " + l.substring("redis_version:".length()).strip()).orElse("Redis");
            var save = connection.sync().configGet("save").get("save");
            var aof = connection.sync().configGet("appendonly").get("appendonly");
            String described = version + " (save \"" + (save == null ? "?" : save) + "\", appendonly "
                    + (aof == null ? "?" : aof) + ")";
            System.out.printf("[redis] %s at %s%n", described, RedisSettings.url());
            return described;
        } catch (RedisException e) {
            RuntimeException unreachable = new IllegalStateException("cannot reach Redis at " + RedisSettings.url()
                    + ": " + e.getMessage() + ". Start it (.ci/start-databases), or set -D" + RedisSettings.URL
                    + "=redis://host:port/db (or OVERSELL_REDIS_URL) to point at your server.", e);
            System.out.printf("%n[redis] !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!%n"
                            + "[redis] !!! Redis NOT AVAILABLE: its checks are %s.%n[redis] !!! %s%n"
                            + "[redis] !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!%n%n",
                    Engines.required() ? "REQUIRED (CI=true): the run fails" : "SKIPPED", unreachable.getMessage());
            return unreachable;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
