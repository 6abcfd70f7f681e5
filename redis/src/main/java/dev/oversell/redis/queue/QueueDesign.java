package dev.oversell.redis.queue;

import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.design.Claim;
import dev.oversell.design.Design;
import dev.oversell.model.Inventory;
import dev.oversell.redis.Keyspace;
import io.lettuce.core.RedisClient;

import javax.sql.DataSource;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A design that takes a purchase in Redis and hands the order to a queue whose consumer writes it to the database,
 * declared once with its claim: how its front (what buyers call) and its consumer are built, what it claims of the
 * database's accounts under the queue's faults, how it rebuilds Redis after a restart, and its mechanism in a line.
 * Judged by {@link ConsumerKillCheck}, {@link PublisherKillCheck} and {@link RedisRestartCheck}.
 */
public record QueueDesign(String name, Class<?> type, Front front, Consumer consumer, Claim claim, String mechanism,
                          Reconciler reconciler) {

    /** A design that does not reconcile Redis from the database ({@link Reconciler#NONE}). */
    public QueueDesign(String name, Class<?> type, Front front, Consumer consumer, Claim claim, String mechanism) {
        this(name, type, front, consumer, claim, mechanism, Reconciler.NONE);
    }

    public QueueDesign {
        Design.checkedName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(front, "front");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(reconciler, "reconciler");
        if (claim != Claim.NEVER_OVERSELLS && claim != Claim.MAY_OVERSELL) {
            throw new IllegalArgumentException(name + ": a queue design claims NEVER_OVERSELLS or MAY_OVERSELL");
        }
    }

    /**
     * What buyers call: over a Redis client of its own, the run's keys, the broker and the queue, with the point
     * between its Redis decrement and its publish where a check may kill it ({@link KillPoint#NONE}: nowhere).
     */
    @FunctionalInterface
    public interface Front {
        Inventory open(RedisClient client, Keyspace keys, ConnectionFactory brokers, String queue, KillPoint kill);
    }

    /** The consumer: its orders table, and a running consumer that dies after writing the request ids given. */
    public interface Consumer {
        String ordersTableDdl(String table);

        QueueConsumer start(ConnectionFactory brokers, String queue, DataSource dataSource, String stockTable,
                            String ordersTable, Predicate<String> dieAfterWriting);
    }
}
