package dev.oversell.store;

import dev.oversell.engine.Engine;
import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.Tx;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An {@link Inventory} over a {@link Store}, whose purchases run a {@link PurchaseScript}'s steps in order on
 * one pooled connection. A failure the engine says a retry may cure is retried per the {@link RetryPolicy};
 * every failed attempt is rolled back first, so nothing is half-applied. Stock reads and restocks are single
 * atomic statements ({@code UPDATE ... SET stock = stock + ?}): only the purchase differs between designs.
 *
 * <p>Errors: an unknown product or a reused request id is the {@code Inventory} contract's exception; a dead
 * connection (evicted from the pool), an unreachable database or retries run out is a {@link StoreException}.
 * Either way nothing was applied by this call, except in the one case no client can rule out: a connection
 * that dies while the engine commits. Then resubmitting the same request id is the way to learn the outcome;
 * it is never applied twice. A closed inventory answers every call with an {@link IllegalStateException}.
 */
public final class TransactionalInventory implements Inventory {

    /**
     * The most statements one attempt of any call sends: the look-up of an earlier answer, a single owner's
     * claim (two), the design's read and write, the record of the answer (a purchase that finds too little
     * stock reads it once more instead of writing). Each may wait out the lock timeout.
     */
    static final int MOST_STATEMENTS_PER_ATTEMPT = 6;

    private final Store store;
    private final PurchaseScript script;
    private final List<Step> steps;
    private final RetryPolicy retry;
    private final boolean ownsStore;
    private volatile boolean closed;

    public TransactionalInventory(Store store, PurchaseScript script, RetryPolicy retry, boolean ownsStore) {
        this.store = Objects.requireNonNull(store, "store");
        this.script = Objects.requireNonNull(script, "script");
        this.steps = PurchaseSteps.of(script);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.ownsStore = ownsStore;
    }

    /** An instance over a shared store (one app server among several); closing it leaves the store alone. */
    public static TransactionalInventory over(Store store, PurchaseScript script) {
        return new TransactionalInventory(store, script, RetryPolicy.DEFAULT, false);
    }

    public Store store() {
        return store;
    }

    /**
     * The longest one call can take, retries, lock waits and pauses included ({@link RetryPolicy#worstCase}
     * with this store's lock timeout): what a caller in front (an actor's ask) must be ready to wait.
     */
    public Duration worstCase() {
        return retry.worstCase(store.database().lockTimeoutMillis(), MOST_STATEMENTS_PER_ATTEMPT);
    }

    public PurchaseScript script() {
        return script;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        return withRetries(request.toString(), connection -> {
            Tx tx = new Tx(connection, store, request, "buyer", null);
            for (Step step : steps) {
                step.run(tx);
            }
            return tx.answer();
        });
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        Long units = withRetries("the stock of " + product,
                connection -> script.readStock(Tx.forQueries(connection, store), product));
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units;
    }

    @Override
    public void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        Long refusedAt = withRetries("a restock of " + units + " " + product, connection -> {
            Tx tx = Tx.forQueries(connection, store);
            if (script.restock(tx, product, units) == 1) {
                return null;
            }
            Long current = script.readStock(tx, product);
            if (current == null) {
                throw new UnknownProductException(product);
            }
            return current;
        });
        if (refusedAt != null) {
            throw new StockOverflowException(product, refusedAt, units);
        }
    }

    /** Work on one connection, as one attempt: rolled back if it fails, retried if the engine says a retry may cure it. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withRetries(String what, Attempt<T> attempt) {
        SQLException last = null;
        for (int n = 1; n <= retry.maxAttempts(); n++) {
            if (n > 1) {
                pause(retry.jitteredBackoffMillis(n, ThreadLocalRandom.current()));
            }
            try (Connection connection = store.database().connection()) {
                try {
                    connection.setAutoCommit(true);
                    return attempt.run(connection);
                } catch (SQLException e) {
                    rollBack(connection);
                    Engine.Failure failure = store.engine().classify(e);
                    if (failure == Engine.Failure.CONNECTION) {
                        store.database().evict(connection);
                    }
                    if (!failure.retryable()) {
                        throw new StoreException(what + " failed (" + failure + ") and was rolled back: "
                                + e.getMessage(), e);
                    }
                    last = e;
                } catch (RuntimeException e) {
                    rollBack(connection);
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("no connection to " + store.database() + " for " + what + ": "
                        + e.getMessage(), e);
            }
        }
        throw new StoreException(what + " was aborted by " + store.engine().label() + " " + retry.maxAttempts()
                + " times in a row (last: " + (last == null ? "?" : last.getMessage()) + "); nothing was applied",
                last);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (ownsStore) {
                store.close();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
    }

    private static void rollBack(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the engine rolls the transaction back
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while backing off before a retry", e);
        }
    }
}
