package dev.oversell.catalogue.redis.queue;

import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.design.Claim;
import dev.oversell.redis.queue.QueueConsumer;
import dev.oversell.redis.queue.QueueDesign;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.Predicate;

/**
 * The queue designs, each declared once with its claim about the database's accounts with its consumer killed after
 * a write and before its acknowledgement: the one list the queue check judges.
 */
public final class QueueDesigns {

    private QueueDesigns() {
    }

    public static List<QueueDesign> all() {
        return List.of(
                new QueueDesign("redis-queue-plain-consumer", OrderConsumer.class, ReservedInRedisThenQueued::new,
                        consumer(false), Claim.MAY_OVERSELL,
                        "Lua reservation in Redis, order to RabbitMQ; the consumer writes every delivery"),
                new QueueDesign("redis-queue-idempotent-consumer", OrderConsumer.class, ReservedInRedisThenQueued::new,
                        consumer(true), Claim.NEVER_OVERSELLS,
                        "Lua reservation in Redis, order to RabbitMQ; the consumer inserts by request id first"),
                new QueueDesign("redis-queue-reset-from-database", ResetFromDatabase.class,
                        ReservedInRedisThenQueued::new, consumer(true), Claim.MAY_OVERSELL,
                        "the idempotent queue; after a Redis restart, Redis's stock reset from the database at once",
                        new ResetFromDatabase()),
                new QueueDesign("redis-queue-reset-after-orders-written", ResetAfterOrdersWritten.class,
                        ReservedInRedisThenQueued::new, consumer(true), Claim.NEVER_OVERSELLS,
                        "the idempotent queue; after a Redis restart, the queue written out, then Redis reset from the"
                                + " database", new ResetAfterOrdersWritten()));
    }

    private static QueueDesign.Consumer consumer(boolean idempotent) {
        return new QueueDesign.Consumer() {
            @Override
            public String ordersTableDdl(String table) {
                return OrderConsumer.ordersTableDdl(table, idempotent);
            }

            @Override
            public QueueConsumer start(ConnectionFactory brokers, String queue, DataSource dataSource, String stockTable,
                                       String ordersTable, Predicate<String> dieAfterWriting) {
                return new OrderConsumer(idempotent, brokers, queue, dataSource, stockTable, ordersTable, dieAfterWriting);
            }
        };
    }
}
