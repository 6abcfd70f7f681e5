package dev.oversell.catalogue.redis;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Redis's optimistic transaction: watch the stock, read it, and decrement it in a
 * {@code MULTI} that {@code EXEC} runs only if nobody wrote the stock since the {@code WATCH}; else read again.
 *
 * <pre>
 * WATCH  stock:sku        -- OK
 * GET    stock:sku        -- "1"
 * MULTI                   -- OK
 * DECRBY stock:sku 1      -- QUEUED
 * EXEC                    -- 1) (integer) 0     or (nil): the stock changed since WATCH, try again
 * </pre>
 *
 * <p>Why it holds: the check (the {@code GET}) and the act (the {@code EXEC}) are still two round trips, but
 * {@code EXEC} refuses to act when the stock it checked has been written since: the check-then-act of
 * {@link GetThenDecrBy_BrokenCheckThenAct} with its race detected, and retried on fresh data. A refused buyer is
 * told "out of stock" only on a stock it read inside a transaction that was not interrupted.
 *
 * <p>Where it breaks: nowhere on one Redis; {@code WATCH} is per connection, so each call takes a connection of its
 * own (on a shared one, another call's {@code EXEC} or {@code UNWATCH} would drop this one's watch). Under heavy
 * contention it retries; the retries are bounded ({@value #ATTEMPTS}), and running out of them is an error, never a
 * wrong answer.
 *
 * <p>Request ids are not de-duplicated.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-watch-multi-exec}): never oversells with several instances sharing one Redis.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-watch-multi-exec}
 * <!-- /produced -->
 */
public final class WatchMultiExec extends RedisInventory {

    /** Attempts of one purchase before it gives up with an error. */
    static final int ATTEMPTS = 1_000;

    public WatchMultiExec(RedisEndpoint redis, Keyspace keys) {
        super(redis, keys);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        String stock = keys.stock(request.product());
        try (StatefulRedisConnection<String, String> own = client.connect()) {
            RedisCommands<String, String> redis = own.sync();
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                redis.watch(stock);
                String seen = redis.get(stock);
                if (seen == null) {
                    redis.unwatch();
                    throw new UnknownProductException(request.product());
                }
                long available = Long.parseLong(seen);
                if (available < request.quantity()) {
                    redis.unwatch();
                    return outOfStock(request, available);
                }
                redis.multi();
                redis.decrby(stock, request.quantity());
                TransactionResult result = redis.exec();
                if (!result.wasDiscarded()) {
                    return purchased(request);
                }
            }
        }
        throw new IllegalStateException("purchase " + request.requestId() + " found the stock of "
                + request.product() + " changed under it " + ATTEMPTS + " times in a row: gave up");
    }
}
