package dev.oversell.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server of a check's own restarts for real: another process (another run id) on the same port, holding nothing
 * of what it held, and a client connected before it reconnects by itself; closing it leaves no process behind.
 */
class RedisProcessTest {

    @Test
    void aRestartIsAnotherProcessThatForgotEverythingAndItsClientsReconnect() {
        Optional<RedisProcess> started = RedisProcess.startIfInstalled();
        Assumptions.assumeTrue(started.isPresent(), "no redis-server binary on this machine (printed above)");
        long pid;
        long restarted;
        try (RedisProcess own = started.get()) {
            RedisClient client = RedisServer.client(own.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("oversell:process-test", "1");
                String before = runId(connection);
                pid = pid(connection);

                own.restart();

                assertThat(connection.sync().get("oversell:process-test")).as("what the server held").isNull();
                assertThat(runId(connection)).as("the server's run id, read on the reconnected connection")
                        .isNotEqualTo(before);
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("the first process").isFalse();
                restarted = pid(connection);
            } finally {
                client.shutdown();
            }
        }
        assertThat(ProcessHandle.of(restarted).map(ProcessHandle::isAlive).orElse(false))
                .as("the server after close").isFalse();
    }

    private static long pid(StatefulRedisConnection<String, String> connection) {
        return Long.parseLong(connection.sync().info("server").lines().filter(l -> l.startsWith("process_id:"))
                .findFirst().orElseThrow().substring("process_id:".length()).strip());
    }

    private static String runId(StatefulRedisConnection<String, String> connection) {
        return connection.sync().info("server").lines().filter(l -> l.startsWith("run_id:")).findFirst()
                .orElseThrow();
    }
}
