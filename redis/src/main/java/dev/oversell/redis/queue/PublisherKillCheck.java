package dev.oversell.redis.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.FaultRuns;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisServer;
import dev.oversell.redis.RedisSettings;
import dev.oversell.store.Database;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue design under the fault that strands a unit: its front takes the last unit in Redis for buyer T1 and is
 * killed before it publishes the order ({@link KillPoint}: T1 gets no answer, nothing is queued); buyer T2 then buys
 * through a front started in its place, while the consumer runs. Judged, as {@link ConsumerKillCheck} judges, on the
 * database's accounts against what the buyers were told ({@link Finding#OVERSOLD}, {@link Finding#LOST_UPDATE},
 * {@link Finding#HELD}); and a unit taken in Redis that never became an order is counted and named, stranded: the
 * sale ends with it unsold in the database and gone from Redis, a loss no oversell check sees.
 *
 * <p>{@value #RUNS} runs per engine, the same schedule each time. A run in which the front was not killed at the
 * point (its purchase never reached it) proves nothing about the fault: an engine with no such run is not checked.
 */
public final class PublisherKillCheck {

    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final AtomicLong NAMES = new AtomicLong();

    private PublisherKillCheck() {
    }

    /** What one run showed; {@code redisStock}: the stock Redis holds after the run. */
    record Run(boolean struck, PurchaseResult told, long redisStock, long stockAfter, long unitsInOrders, long orders,
               String why) implements FaultRuns.Run {

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

        long toldUnits() {
            return told instanceof PurchaseResult.Purchased p ? p.quantity() : 0;
        }

        /** Units taken in Redis that no order in the database accounts for. */
        @Override
        public long stranded() {
            return Math.max(0, 1 - redisStock - unitsInOrders);
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
            return stranded() == 0 ? null : stranded() + " unit taken in Redis never became an order (stranded: unsold"
                    + " in the database, gone from the sale)";
        }

        @Override
        public String story() {
            return "1 unit in stock; T1's front took it in Redis and was killed before publishing the order (T1 got no"
                    + " answer); T2, through a front started in its place, was told " + told + "; the database holds "
                    + orders + " orders of " + unitsInOrders + " units, stock " + stockAfter + "; Redis holds "
                    + redisStock + (stranded() == 0 ? "" : ": " + stranded() + " unit stranded");
        }
    }

    /** The design's observation on {@code database}'s engine. */
    public static Observation observe(QueueDesign design, Database database, String reproduce) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run(design, database));
        }
        return FaultRuns.observation(design.name(), Observation.Family.QUEUE_FAULTS, "publisher killed before its publish",
                database.engine().label(), database.versionAndSettings() + "; " + RabbitBroker.version(), runs,
                "runs with the front killed between its Redis decrement and its publish", reproduce);
    }

    static Run run(QueueDesign design, Database database) {
        long n = NAMES.incrementAndGet();
        String stockTable = "oversell_p_stock_" + ProcessHandle.current().pid() + "_" + n;
        String ordersTable = "oversell_p_orders_" + ProcessHandle.current().pid() + "_" + n;
        Keyspace keys = Keyspace.fresh();
        String queue = keys.prefix() + "orders";
        ConnectionFactory brokers = RabbitBroker.openOrSkip();
        RedisClient seeder = RedisServer.client(RedisSettings.uri());
        try (StatefulRedisConnection<String, String> redis = seeder.connect();
             Connection admin = brokers.newConnection("oversell-check")) {
            Channel channel = admin.createChannel();
            channel.queueDeclare(queue, false, false, false, null);
            keys.seed(redis.sync(), Map.of("sku", 1L));
            ConsumerKillCheck.execute(database, "CREATE TABLE " + stockTable + " (product VARCHAR(64) PRIMARY KEY, stock BIGINT NOT NULL)",
                    "INSERT INTO " + stockTable + " VALUES ('sku', 1)", design.consumer().ordersTableDdl(ordersTable));
            try (QueueConsumer consumer = design.consumer().start(brokers, queue, database.dataSource(), stockTable,
                    ordersTable, id -> false)) {
                KillPoint kill = KillPoint.armedFor("T1");
                Inventory killed = design.front().open(RedisServer.client(RedisSettings.uri()), keys, brokers, queue, kill);
                try {
                    killed.buy(PurchaseRequest.of("T1", "sku", 1));
                } catch (KillPoint.Killed expected) {
                    // the front died here: no order, no answer
                } finally {
                    killed.close();
                }
                if (!kill.struck()) {
                    return new Run(false, null, -1, -1, -1, -1, "T1's purchase never reached the point between its"
                            + " Redis decrement and its publish (told without taking a unit?)");
                }
                PurchaseResult told;
                try (Inventory restarted = design.front().open(RedisServer.client(RedisSettings.uri()), keys, brokers,
                        queue, KillPoint.NONE)) {
                    told = restarted.buy(PurchaseRequest.of("T2", "sku", 1));
                }
                if (told instanceof PurchaseResult.Purchased && !consumer.awaitAcknowledged(BOUND.toMillis())) {
                    return new Run(false, told, -1, -1, -1, -1, "T2's order was not written within "
                            + BOUND.toMillis() + " ms");
                }
                return new Run(true, told, Long.parseLong(redis.sync().get(keys.stock("sku"))),
                        ConsumerKillCheck.queryLong(database, "SELECT stock FROM " + stockTable + " WHERE product = 'sku'"),
                        ConsumerKillCheck.queryLong(database, "SELECT COALESCE(SUM(quantity), 0) FROM " + ordersTable),
                        ConsumerKillCheck.queryLong(database, "SELECT COUNT(*) FROM " + ordersTable), null);
            } finally {
                channel.queueDelete(queue);
                keys.deleteAll(redis.sync());
            }
        } catch (Exception e) {
            throw new IllegalStateException(design.name() + " on " + database.engine().label() + ": the run failed: " + e, e);
        } finally {
            seeder.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            try {
                ConsumerKillCheck.execute(database, "DROP TABLE " + stockTable, "DROP TABLE " + ordersTable);
            } catch (SQLException ignored) {
                // the tables of a run that failed to start may not exist
            }
        }
    }
}
