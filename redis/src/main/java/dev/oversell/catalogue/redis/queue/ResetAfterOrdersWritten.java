package dev.oversell.catalogue.redis.queue;

import dev.oversell.redis.Keyspace;
import dev.oversell.redis.queue.Reconciler;
import io.lettuce.core.RedisClient;

import javax.sql.DataSource;

/**
 * The reconciliation that waits for the queue: after a restart Redis knows no product, so every front refuses every
 * purchase (no new order can be published), and the reconciliation first waits until every order already published
 * is written to the database; only then is Redis given the database's stock.
 *
 * <p>Why it holds: once the queue is written out, the database's stock is what every order ever taken left, and no
 * order can be taken until Redis has it again: the reset gives the sale exactly the units nobody holds. What it costs
 * is the sale's pause, as long as the consumers take to drain the queue. If the orders are not written within the
 * bound, it refuses to reset (the sale stays stopped) rather than guess.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-queue-reset-after-orders-written}): never oversells with several instances sharing one
 * Redis, one queue and one database, the consumer killed after its insert and before its ack, the front after its Redis
 * decrement and before its publish, Redis restarted with an order in flight.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-queue-reset-after-orders-written}
 * <!-- /produced -->
 */
public final class ResetAfterOrdersWritten implements Reconciler {

    @Override
    public void reconcile(RedisClient client, Keyspace keys, DataSource database, String stockTable,
                          OrdersInFlight orders) throws Exception {
        if (!orders.awaitWritten()) {
            throw new IllegalStateException("orders published before the restart are not written yet: Redis is not"
                    + " reset (the sale stays stopped)");
        }
        ResetFromDatabase.reset(client, keys, database, stockTable);
    }
}
