package dev.oversell.redis.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.FaultRuns;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisServer;
import dev.oversell.redis.RedisSettings;
import dev.oversell.store.Database;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue design when Redis restarts with an order in flight: T1 buys the last unit (taken in Redis, its order
 * published, the consumer not yet running: it lags); Redis restarts with no persistence and forgets the store;
 * the design's {@link Reconciler} runs (it may wait for the orders in flight, which starts the consumer); T2 buys;
 * the consumer writes what was published. Judged, as the other queue faults, on the database's accounts against
 * what the buyers were told: a reconciliation that hands the in-flight unit back to the sale is caught
 * {@link Finding#OVERSOLD}.
 *
 * <p>The restart is simulated where the check can do it to no one else: the store's keys are deleted, which is
 * what a restart with {@code save ""} and {@code appendonly no} leaves of them; the server itself and the clients'
 * connections stay up (a real restart also drops them, and the clients reconnect). {@value #RUNS} runs per engine,
 * the same schedule each time; a run in which T1 was not told "purchased" has no order in flight and is not counted.
 */
public final class RedisRestartCheck {

    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final AtomicLong NAMES = new AtomicLong();

    private RedisRestartCheck() {
    }

    /** What one run showed; {@code told} T2's answer, null when it was refused as an unknown product. */
    record Run(boolean struck, PurchaseResult told, long stockAfter, long unitsInOrders, long orders, String why)
            implements FaultRuns.Run {

        @Override
        public long attempted() {
            return 2;
        }

        @Override
        public long sold() {
            return unitsInOrders;
        }

        @Override
        public long oversoldUnits() {
            return Math.max(0, unitsInOrders - 1);
        }

        /** Units the buyers were told they bought: T1's one, and T2's if it was told so. */
        long toldUnits() {
            return 1 + (told instanceof PurchaseResult.Purchased p ? p.quantity() : 0);
        }

        @Override
        public Finding finding() {
            if (unitsInOrders > 1) {
                return Finding.OVERSOLD;
            }
            return unitsInOrders != toldUnits() || stockAfter + unitsInOrders != 1 ? Finding.LOST_UPDATE : Finding.HELD;
        }

        @Override
        public String note() {
            return told == null ? "after the restart the front no longer knew the product: T2 was refused, the sale"
                    + " stopped" : null;
        }

        @Override
        public String story() {
            return "1 unit in stock; T1 bought it (taken in Redis, its order published, the consumer not yet running);"
                    + " Redis restarted and forgot the store; the design reconciled; T2 was "
                    + (told == null ? "refused (unknown product)" : "told " + told) + "; the consumer wrote what was"
                    + " published: the database holds " + orders + " orders of " + unitsInOrders + " units, stock "
                    + stockAfter;
        }
    }

    /** The design's observation on {@code database}'s engine. */
    public static Observation observe(QueueDesign design, Database database, String reproduce) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run(design, database));
        }
        return FaultRuns.observation(design.name(), Observation.Family.QUEUE_FAULTS, "Redis restarted, an order in flight",
                database.engine().label(), database.versionAndSettings() + "; " + RabbitBroker.version(), runs,
                "runs with Redis restarted (its keys gone) while an order was in the queue", reproduce);
    }

    static Run run(QueueDesign design, Database database) {
        long n = NAMES.incrementAndGet();
        String stockTable = "oversell_r_stock_" + ProcessHandle.current().pid() + "_" + n;
        String ordersTable = "oversell_r_orders_" + ProcessHandle.current().pid() + "_" + n;
        Keyspace keys = Keyspace.fresh();
        String queue = keys.prefix() + "orders";
        ConnectionFactory brokers = RabbitBroker.openOrSkip();
        RedisClient seeder = RedisServer.client(RedisSettings.uri());
        QueueConsumer[] consumer = new QueueConsumer[1];
        try (StatefulRedisConnection<String, String> redis = seeder.connect();
             Connection admin = brokers.newConnection("oversell-check")) {
            Channel channel = admin.createChannel();
            channel.queueDeclare(queue, false, false, false, null);
            keys.seed(redis.sync(), Map.of("sku", 1L));
            ConsumerKillCheck.execute(database, "CREATE TABLE " + stockTable
                            + " (product VARCHAR(64) PRIMARY KEY, stock BIGINT NOT NULL)",
                    "INSERT INTO " + stockTable + " VALUES ('sku', 1)", design.consumer().ordersTableDdl(ordersTable));
            int[] written = {0};
            try (Inventory front = design.front().open(RedisServer.client(RedisSettings.uri()), keys, brokers, queue,
                    KillPoint.NONE)) {
                if (!(front.buy(PurchaseRequest.of("T1", "sku", 1)) instanceof PurchaseResult.Purchased)) {
                    return new Run(false, null, -1, -1, -1, "T1 was not told \"purchased\": no order in flight");
                }
                keys.deleteAll(redis.sync()); // the restart: Redis keeps nothing
                Reconciler.OrdersInFlight inFlight = () -> {
                    consumer[0] = start(design, brokers, queue, database, stockTable, ordersTable);
                    written[0] = 1;
                    return consumer[0].awaitAcknowledged(1, BOUND.toMillis());
                };
                design.reconciler().reconcile(seeder, keys, database.dataSource(), stockTable, inFlight);
                PurchaseResult told;
                try {
                    told = front.buy(PurchaseRequest.of("T2", "sku", 1));
                } catch (UnknownProductException forgotten) {
                    told = null;
                }
                if (consumer[0] == null) {
                    consumer[0] = start(design, brokers, queue, database, stockTable, ordersTable);
                }
                int published = 1 + (told instanceof PurchaseResult.Purchased ? 1 : 0);
                if (!consumer[0].awaitAcknowledged(published - written[0], BOUND.toMillis())) {
                    return new Run(false, told, -1, -1, -1, "the consumer did not write the " + published
                            + " orders published within " + BOUND.toMillis() + " ms");
                }
                return new Run(true, told,
                        ConsumerKillCheck.queryLong(database, "SELECT stock FROM " + stockTable + " WHERE product = 'sku'"),
                        ConsumerKillCheck.queryLong(database, "SELECT COALESCE(SUM(quantity), 0) FROM " + ordersTable),
                        ConsumerKillCheck.queryLong(database, "SELECT COUNT(*) FROM " + ordersTable), null);
            } finally {
                if (consumer[0] != null) {
                    consumer[0].close();
                }
                channel.queueDelete(queue);
                keys.deleteAll(redis.sync());
            }
        } catch (Exception e) {
            throw new IllegalStateException(design.name() + " on " + database.engine().label() + ": the run failed: " + e, e);
        } finally {
            seeder.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            try {
                ConsumerKillCheck.execute(database, "DROP TABLE " + stockTable, "DROP TABLE " + ordersTable);
            } catch (java.sql.SQLException ignored) {
                // the tables of a run that failed to start may not exist
            }
        }
    }

    private static QueueConsumer start(QueueDesign design, ConnectionFactory brokers, String queue, Database database,
                                       String stockTable, String ordersTable) {
        return design.consumer().start(brokers, queue, database.dataSource(), stockTable, ordersTable, id -> false);
    }
}
