package dev.oversell.redis.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
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

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue design under the fault that redelivers: one buyer buys the last unit through the front (taken in Redis,
 * the order queued); the consumer writes the order to the database, commits, and is killed before it acknowledges
 * (its connection aborted, as its process dying would); the broker delivers the order again, to the consumer started
 * in its place. Judged on the database's accounts (its stock and its orders: what the warehouse ships) against what
 * the buyer was told: more units in orders than existed is {@link Finding#OVERSOLD}; orders and answers that do not
 * agree otherwise, or stock and orders that do not add up, a {@link Finding#LOST_UPDATE}.
 *
 * <p>{@value #RUNS} runs per engine, the same schedule each time. A run in which the order was not delivered again
 * (the fault did not strike) proves nothing about redelivery: an engine with no such run is <em>not checked</em>.
 */
public final class ConsumerKillCheck {

    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final AtomicLong NAMES = new AtomicLong();

    private ConsumerKillCheck() {
    }

    /** What one run showed. */
    record Run(boolean struck, PurchaseResult told, long stockAfter, long unitsInOrders, long orders, String why)
            implements FaultRuns.Run {

        @Override
        public long attempted() {
            return 1;
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

        @Override
        public Finding finding() {
            if (unitsInOrders > 1) {
                return Finding.OVERSOLD;
            }
            return unitsInOrders != toldUnits() || stockAfter + unitsInOrders != 1 ? Finding.LOST_UPDATE : Finding.HELD;
        }

        @Override
        public String story() {
            return "1 unit in stock; the buyer was told " + told + "; the consumer wrote the order and was killed before"
                    + " its ack; the order was delivered again to the consumer started in its place; the database"
                    + " holds " + orders + " orders of " + unitsInOrders + " units, stock " + stockAfter;
        }
    }

    /** The design's observation on {@code database}'s engine. */
    public static Observation observe(QueueDesign design, Database database, String reproduce) {
        return observe(design, database, reproduce, BOUND);
    }

    /** As above, each wait of the run bounded by {@code bound}. */
    static Observation observe(QueueDesign design, Database database, String reproduce, Duration bound) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run(design, database, bound));
        }
        return FaultRuns.observation(design.name(), Observation.Family.QUEUE_FAULTS, "consumer killed before its ack",
                database.engine().label(), database.versionAndSettings() + "; " + RabbitBroker.version(), runs,
                "runs with the order delivered again after its consumer was killed between its commit and its ack",
                reproduce);
    }

    /** Why the observations disagree with the design's claim, or empty: the one judge's rule. */
    public static Optional<String> judge(QueueDesign design, List<Observation> observed) {
        return Judge.judge(design.name(), "the consumer killed before its ack, the front before its publish, Redis restarted",
                design.claim(), observed);
    }

    static Run run(QueueDesign design, Database database) {
        return run(design, database, BOUND);
    }

    static Run run(QueueDesign design, Database database, Duration bound) {
        long n = NAMES.incrementAndGet();
        String stockTable = "oversell_q_stock_" + ProcessHandle.current().pid() + "_" + n;
        String ordersTable = "oversell_q_orders_" + ProcessHandle.current().pid() + "_" + n;
        Keyspace keys = Keyspace.fresh();
        String queue = keys.prefix() + "orders";
        ConnectionFactory brokers = RabbitBroker.openOrSkip();
        RedisClient seeder = RedisServer.client(RedisSettings.uri());
        try (StatefulRedisConnection<String, String> redis = seeder.connect();
             Connection admin = brokers.newConnection("oversell-check")) {
            Channel channel = admin.createChannel();
            channel.queueDeclare(queue, false, false, false, null);
            keys.seed(redis.sync(), Map.of("sku", 1L));
            execute(database, "CREATE TABLE " + stockTable + " (product VARCHAR(64) PRIMARY KEY, stock BIGINT NOT NULL)",
                    "INSERT INTO " + stockTable + " VALUES ('sku', 1)", design.consumer().ordersTableDdl(ordersTable));
            try (Inventory front = design.front().open(RedisServer.client(RedisSettings.uri()), keys, brokers, queue,
                    KillPoint.NONE);
                 QueueConsumer first = design.consumer().start(brokers, queue, database.dataSource(), stockTable,
                         ordersTable, "T1"::equals)) {
                PurchaseResult told = front.buy(PurchaseRequest.of("T1", "sku", 1));
                if (!first.awaitDeath(bound.toMillis())) {
                    return new Run(false, told, -1, -1, -1, "no consumer died between writing the order and"
                            + " acknowledging it");
                }
                first.kill();
                try (QueueConsumer restarted = design.consumer().start(brokers, queue, database.dataSource(), stockTable,
                        ordersTable, id -> false)) {
                    if (!restarted.awaitAcknowledged(bound.toMillis())) {
                        return new Run(false, told, -1, -1, -1, "the broker did not deliver the order again within "
                                + bound.toMillis() + " ms");
                    }
                }
                return new Run(true, told, queryLong(database, "SELECT stock FROM " + stockTable + " WHERE product = 'sku'"),
                        queryLong(database, "SELECT COALESCE(SUM(quantity), 0) FROM " + ordersTable),
                        queryLong(database, "SELECT COUNT(*) FROM " + ordersTable), null);
            } finally {
                channel.queueDelete(queue);
                keys.deleteAll(redis.sync());
            }
        } catch (Exception e) {
            throw new IllegalStateException(design.name() + " on " + database.engine().label() + ": the run failed: " + e, e);
        } finally {
            seeder.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            try {
                execute(database, "DROP TABLE " + stockTable, "DROP TABLE " + ordersTable);
            } catch (SQLException ignored) {
                // the tables of a run that failed to start may not exist
            }
        }
    }

    /** Runs {@code statements} on a connection of {@code database}, autocommitted. */
    static void execute(Database database, String... statements) throws SQLException {
        try (java.sql.Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of the one row {@code sql} reads. */
    static long queryLong(Database database, String sql) throws SQLException {
        try (java.sql.Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
