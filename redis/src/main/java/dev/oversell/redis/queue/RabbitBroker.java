package dev.oversell.redis.queue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.properties.database.Engines;
import dev.oversell.store.DatabaseSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the RabbitMQ the queue designs are judged on is, read as the engines' settings are: {@code
 * -Doversell.rabbitmq.url=amqp://user:password@host:port}, else {@code OVERSELL_RABBITMQ_URL}, else the broker every
 * development and CI machine runs, {@code amqp://guest:guest@127.0.0.1:5672} (started by {@code .ci/start-databases}).
 * Every queue a check makes has a name of its own and is deleted when the check ends. An unreachable broker skips the
 * queue checks loudly, and fails them under {@code CI=true}.
 */
public final class RabbitBroker {

    /** The setting's name, as a {@code -D} property. */
    public static final String URL = "oversell.rabbitmq.url";
    public static final String DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672";

    private static Object reached;

    private RabbitBroker() {
    }

    /** A connection factory of the configured broker, or the calling test aborted (skipped, loudly) or failed under CI. */
    public static synchronized ConnectionFactory openOrSkip() {
        if (reached == null) {
            reached = reach();
        }
        if (reached instanceof RuntimeException unreachable) {
            if (Engines.required()) {
                Assertions.fail("RabbitMQ is required (CI=true) but unreachable: " + unreachable.getMessage());
            }
            Assumptions.abort("RabbitMQ SKIPPED, not reachable: " + unreachable.getMessage());
        }
        return factory();
    }

    /** The broker's version, as it says it. */
    public static synchronized String version() {
        openOrSkip();
        return (String) reached;
    }

    private static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(DatabaseSettings.setting(URL, DEFAULT_URL));
        } catch (Exception e) {
            throw new IllegalArgumentException("-D" + URL + " is not an amqp:// URL: " + e.getMessage(), e);
        }
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false); // a killed consumer stays dead: its restart is the check's
        return factory;
    }

    private static Object reach() {
        try (Connection connection = factory().newConnection("oversell-probe")) {
            Object version = connection.getServerProperties().get("version");
            String described = "RabbitMQ " + version;
            System.out.printf("[queue] %s at %s%n", described, DatabaseSettings.setting(URL, DEFAULT_URL)
                    .replaceAll("//[^@/]*@", "//"));
            return described;
        } catch (Exception e) {
            RuntimeException unreachable = new IllegalStateException("cannot reach RabbitMQ at "
                    + DatabaseSettings.setting(URL, DEFAULT_URL).replaceAll("//[^@/]*@", "//") + ": " + e);
            System.out.println("[queue] !!! " + unreachable.getMessage());
            return unreachable;
        }
    }
}
