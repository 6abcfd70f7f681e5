package dev.oversell.catalogue.redis.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import dev.oversell.redis.queue.QueueConsumer;
import dev.oversell.store.StoreException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The consumer that writes each queued order to the database, in one transaction: the stock taken
 * ({@code UPDATE stock SET stock = stock - ?}) and the order recorded ({@code INSERT INTO orders}); then it
 * acknowledges the message. A consumer that dies after its commit and before its acknowledgement has its message
 * delivered again, to whichever consumer the broker has next. What that does depends on one thing:
 * <ul>
 *   <li><b>Plain</b> ({@code idempotent} false): may oversell. The redelivered order is written again: the stock
 *       is taken twice and the database holds two orders for one purchase, more than existed when it was the last
 *       unit.</li>
 *   <li><b>Idempotent</b>: never oversells. The orders table's key is the request id and the {@code INSERT} comes
 *       first: a redelivered order's insert is refused as a duplicate, the transaction rolls back, and the message
 *       is acknowledged with nothing written twice.</li>
 * </ul>
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-queue-plain-consumer}): may oversell with several instances sharing one Redis, one
 * queue and one database, the consumer killed after its insert and before its ack, the front after its Redis decrement
 * and before its publish, Redis restarted with an order in flight.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-queue-plain-consumer}
 * <p><b>Claims</b> ({@code redis-queue-idempotent-consumer}): never oversells with several instances sharing one Redis,
 * one queue and one database, the consumer killed after its insert and before its ack, the front after its Redis
 * decrement and before its publish, Redis restarted with an order in flight.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-queue-idempotent-consumer}
 * <!-- /produced -->
 */
public final class OrderConsumer implements QueueConsumer {

    private final boolean idempotent;
    private final DataSource dataSource;
    private final String stockTable;
    private final String ordersTable;
    private final Predicate<String> dieAfterWriting;
    private final Connection broker;
    private final CountDownLatch died = new CountDownLatch(1);
    /** One permit per message acknowledged, taken by whoever waits for them. */
    private final Semaphore acknowledged = new Semaphore(0);

    /**
     * Starts consuming {@code queue}. {@code dieAfterWriting}: for which request ids to stop after the commit and
     * before the acknowledgement, as a process killed there would (the check's fault; nothing for a healthy one).
     */
    public OrderConsumer(boolean idempotent, ConnectionFactory brokers, String queue, DataSource dataSource,
                         String stockTable, String ordersTable, Predicate<String> dieAfterWriting) {
        this.idempotent = idempotent;
        this.dataSource = dataSource;
        this.stockTable = stockTable;
        this.ordersTable = ordersTable;
        this.dieAfterWriting = dieAfterWriting;
        try {
            this.broker = brokers.newConnection("oversell-consumer");
            Channel channel = broker.createChannel();
            channel.basicQos(1);
            DeliverCallback deliver = (tag, delivery) -> {
                String[] order = new String(delivery.getBody(), StandardCharsets.UTF_8).split(",");
                write(order[0], order[1], Integer.parseInt(order[2]));
                if (dieAfterWriting.test(order[0])) {
                    died.countDown(); // written and committed; the acknowledgement never goes out
                    return;
                }
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                acknowledged.release();
            };
            channel.basicConsume(queue, false, deliver, consumerTag -> { });
        } catch (Exception e) {
            throw new StoreException("cannot start the order consumer: " + e.getMessage(), e);
        }
    }

    /** The orders table a consumer writes: keyed by request id for an idempotent one, with no key for a plain one. */
    public static String ordersTableDdl(String table, boolean idempotent) {
        return "CREATE TABLE " + table + " (request_id VARCHAR(64) NOT NULL" + (idempotent ? " PRIMARY KEY" : "")
                + ", product VARCHAR(64) NOT NULL, quantity INT NOT NULL)";
    }

    private void write(String requestId, String product, int quantity) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (idempotent) {
                    insert(c, requestId, product, quantity);
                    take(c, product, quantity);
                } else {
                    take(c, product, quantity);
                    insert(c, requestId, product, quantity);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (idempotent && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return; // written before: nothing to do but acknowledge
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("order " + requestId + " could not be written: " + e.getMessage(), e);
        }
    }

    private void take(java.sql.Connection c, String product, int quantity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + stockTable + " SET stock = stock - ? WHERE product = ?")) {
            s.setInt(1, quantity);
            s.setString(2, product);
            s.executeUpdate();
        }
    }

    private void insert(java.sql.Connection c, String requestId, String product, int quantity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + ordersTable + " VALUES (?, ?, ?)")) {
            s.setString(1, requestId);
            s.setString(2, product);
            s.setInt(3, quantity);
            s.executeUpdate();
        }
    }

    @Override
    public boolean awaitDeath(long millis) throws InterruptedException {
        return died.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean awaitAcknowledged(int messages, long millis) throws InterruptedException {
        return acknowledged.tryAcquire(messages, millis, TimeUnit.MILLISECONDS);
    }

    /** Unacknowledged messages go back to the queue. */
    @Override
    public void kill() {
        broker.abort(2_000);
    }

    @Override
    public void close() {
        broker.abort(2_000);
    }
}
