package dev.oversell.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every Redis test class checks when it ends: none of the keys this JVM made is left on the server. */
public final class NoKeyLeftBehind {

    private NoKeyLeftBehind() {
    }

    public static void check() {
        RedisClient client = RedisServer.openOrSkip();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(Keyspace.keysMatching(connection.sync(), Keyspace.ofThisJvm()))
                    .as("keys this JVM made and left behind").isEmpty();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
