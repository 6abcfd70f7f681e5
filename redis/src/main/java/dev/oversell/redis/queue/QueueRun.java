package dev.oversell.redis.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oversell.model.Inventory;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisServer;
import dev.oversell.redis.RedisSettings;
import dev.oversell.store.Database;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One run of a queue check, what every fault's schedule starts from and leaves behind: tables of its own in the
 * engine's database (the stock, one unit of {@code sku}; the design's orders table), a key space of its own in Redis
 * seeded with the same unit, a queue of its own on the broker. Closing it deletes the queue and the keys and drops the
 * tables, whatever the run did. The checks ({@link ConsumerKillCheck}, {@link PublisherKillCheck},
 * {@link RedisRestartCheck}) differ in their schedule only.
 */
final class QueueRun implements AutoCloseable {

    static final String PRODUCT = "sku";
    private static final AtomicLong NAMES = new AtomicLong();

    final QueueDesign design;
    final Database database;
    final String stockTable;
    final String ordersTable;
    final Keyspace keys = Keyspace.fresh();
    final String queue = keys.prefix() + "orders";
    final ConnectionFactory brokers = RabbitBroker.openOrSkip();
    /** The Redis the run's store is in: the configured one, or a server of the check's own. */
    final RedisURI redisUri;
    /** The check's own client of that Redis (the fronts get clients of their own). */
    final RedisClient seeder;
    private StatefulRedisConnection<String, String> redis;
    private Connection admin;
    private Channel channel;

    private QueueRun(QueueDesign design, Database database, RedisURI redisUri) {
        this.design = design;
        this.database = database;
        this.redisUri = redisUri;
        this.seeder = RedisServer.client(redisUri);
        long n = NAMES.incrementAndGet();
        this.stockTable = "oversell_q_stock_" + ProcessHandle.current().pid() + "_" + n;
        this.ordersTable = "oversell_q_orders_" + ProcessHandle.current().pid() + "_" + n;
    }

    /** A run of {@code design} on {@code database}'s engine, set up; a set-up that fails is the run's failure. */
    static QueueRun open(QueueDesign design, Database database) {
        return open(design, database, RedisSettings.uri());
    }

    /** As {@link #open(QueueDesign, Database)}, its store in the Redis at {@code redisUri}. */
    static QueueRun open(QueueDesign design, Database database, RedisURI redisUri) {
        QueueRun run = new QueueRun(design, database, redisUri);
        try {
            run.redis = run.seeder.connect();
            run.admin = run.brokers.newConnection("oversell-check");
            run.channel = run.admin.createChannel();
            run.channel.queueDeclare(run.queue, false, false, false, null);
            run.keys.seed(run.redis.sync(), Map.of(PRODUCT, 1L));
            run.execute("CREATE TABLE " + run.stockTable + " (product VARCHAR(64) PRIMARY KEY, stock BIGINT NOT NULL)",
                    "INSERT INTO " + run.stockTable + " VALUES ('" + PRODUCT + "', 1)",
                    design.consumer().ordersTableDdl(run.ordersTable));
            return run;
        } catch (Exception e) {
            run.close();
            throw failed(design, database, e);
        }
    }

    /** What a run that could not be carried out throws: an error of the check, never a verdict. */
    static IllegalStateException failed(QueueDesign design, Database database, Exception e) {
        return new IllegalStateException(design.name() + " on " + database.engine().label() + ": the run failed: " + e, e);
    }

    /** A front (an application server) over a Redis client of its own, killed at {@code kill} if it is armed. */
    Inventory front(KillPoint kill) {
        return design.front().open(RedisServer.client(redisUri), keys, brokers, queue, kill);
    }

    /** A consumer of the run's queue that dies after writing the request ids {@code dieAfterWriting} accepts. */
    QueueConsumer consumer(Predicate<String> dieAfterWriting) {
        return design.consumer().start(brokers, queue, database.dataSource(), stockTable, ordersTable, dieAfterWriting);
    }

    /**
     * Redis forgets the store, as a restart with no persistence leaves it, where the run cannot restart the server: the
     * store's keys are deleted.
     */
    void forgetInRedis() {
        keys.deleteAll(redis.sync());
    }

    /** The stock Redis holds now. */
    long stockInRedis() {
        return Long.parseLong(redis.sync().get(keys.stock(PRODUCT)));
    }

    long stockInDatabase() throws SQLException {
        return queryLong("SELECT stock FROM " + stockTable + " WHERE product = '" + PRODUCT + "'");
    }

    long unitsInOrders() throws SQLException {
        return queryLong("SELECT COALESCE(SUM(quantity), 0) FROM " + ordersTable);
    }

    long orders() throws SQLException {
        return queryLong("SELECT COUNT(*) FROM " + ordersTable);
    }

    /** Deletes the queue and the keys and drops the tables, whatever of them the run got to make. */
    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.queueDelete(queue);
            }
            if (admin != null) {
                admin.close();
            }
        } catch (Exception ignored) {
            // the queue goes with the broker's connection at worst: it is not durable
        }
        try {
            if (redis != null) {
                keys.deleteAll(redis.sync());
                redis.close();
            }
        } finally {
            seeder.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            try {
                execute("DROP TABLE " + stockTable, "DROP TABLE " + ordersTable);
            } catch (SQLException ignored) {
                // the tables of a run that failed to start may not exist
            }
        }
    }

    private void execute(String... statements) throws SQLException {
        try (java.sql.Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (java.sql.Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
