package dev.oversell.redis.queue;

import dev.oversell.redis.Keyspace;
import io.lettuce.core.RedisClient;

import javax.sql.DataSource;

/**
 * What a queue design does when Redis has lost its store (restarted with no persistence: the stock and the product
 * are gone): rebuild Redis's stock from the database, which holds every order written so far, or nothing
 * ({@link #NONE}: the front refuses every purchase of a product Redis no longer knows, and the sale stops).
 */
@FunctionalInterface
public interface Reconciler {

    /** No reconciliation: after a restart the sale stops. */
    Reconciler NONE = (client, keys, database, stockTable, orders) -> { };

    /**
     * Gives Redis (over {@code client}, the store's {@code keys}) the stock again, from {@code database}'s
     * {@code stockTable} ({@code product, stock}); {@code orders} lets it wait until every order published so far is
     * written there.
     */
    void reconcile(RedisClient client, Keyspace keys, DataSource database, String stockTable, OrdersInFlight orders)
            throws Exception;

    /** The orders published and not yet written to the database, as a reconciliation may wait for them. */
    @FunctionalInterface
    interface OrdersInFlight {
        /** Returns once every order published so far is written and acknowledged; false if not within the bound. */
        boolean awaitWritten() throws InterruptedException;
    }
}
