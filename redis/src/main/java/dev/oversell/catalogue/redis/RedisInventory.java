package dev.oversell.catalogue.redis;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * What every Redis design shares and none of them is judged on: the stock read, the restock and the connection.
 * A design is its {@link #buy}; this class keeps the rest the same across them, so that only the purchase changes
 * from one file to the next.
 *
 * <p>One instance is one application server: it holds one connection to Redis ({@link RedisClient#connect()}) and
 * the {@link Keyspace} of the store it shares with every other instance over the same keys. Lettuce's connection is
 * thread-safe for plain commands; a design that needs a connection of its own per call (a {@code WATCH}) opens one.
 */
public abstract class RedisInventory implements Inventory {

    protected final RedisClient client;
    protected final Keyspace keys;
    private final StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    protected RedisInventory(RedisEndpoint redis, Keyspace keys) {
        this.client = redis.client();
        this.keys = keys;
        this.connection = client.connect();
    }

    /** The instance's shared connection's synchronous commands. */
    protected RedisCommands<String, String> redis() {
        ensureOpen();
        return connection.sync();
    }

    /** {@code GET} of the product's stock; a product the store does not sell is an {@link UnknownProductException}. */
    @Override
    public long stock(String product) {
        String units = redis().get(keys.stock(product));
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return Long.parseLong(units);
    }

    /**
     * {@code SISMEMBER} of the products, then {@code INCRBY}: Redis refuses an increment past a 64-bit integer
     * ("increment or decrement would overflow"), which is a {@link StockOverflowException}.
     */
    @Override
    public void restock(String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        if (!redis().sismember(keys.products(), product)) {
            throw new UnknownProductException(product);
        }
        try {
            redis().incrby(keys.stock(product), units);
        } catch (RedisCommandExecutionException overflow) {
            if (overflow.getMessage() != null && overflow.getMessage().contains("overflow")) {
                throw new StockOverflowException(product, stock(product), units);
            }
            throw overflow;
        }
    }

    /** Throws {@link UnknownProductException} unless the store sells {@code product} ({@code SISMEMBER}). */
    protected void requireKnown(String product) {
        if (!redis().sismember(keys.products(), product)) {
            throw new UnknownProductException(product);
        }
    }

    protected static PurchaseResult purchased(PurchaseRequest request) {
        return PurchaseResult.purchased(request);
    }

    protected static PurchaseResult outOfStock(PurchaseRequest request, long stockSeen) {
        return PurchaseResult.outOfStock(request, stockSeen);
    }

    protected void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
    }

    /** Closes the instance's connection; the keys stay (they are the shared store's). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connection.close();
        }
    }
}
