package dev.oversell.catalogue.redis;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;

/**
 * The flash-sale counter as it is first written: read the stock, and if it is enough,
 * decrement it.
 *
 * <pre>
 * GET    stock:sku        -- "1"
 * DECRBY stock:sku 1      -- (integer) 0
 * </pre>
 *
 * <p>Why it breaks: each command is atomic, the pair is not. The check and the act are two round trips, and
 * between them another buyer's {@code GET} sees the same stock: two buyers both read {@code "1"}, both decrement,
 * both are told "purchased", and the stock reads {@code -1}. {@code DECRBY} being atomic only makes the count
 * exact; it does not make the decision right. The command-level gate finds the order (both {@code GET}s before
 * either {@code DECRBY}) and prints it as a {@code redis-cli} script.
 *
 * <p>Request ids are not de-duplicated (a second key and a second round trip would race the same way).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-get-then-decrby}): may oversell with several instances sharing one Redis.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-get-then-decrby}
 * <!-- /produced -->
 */
public final class GetThenDecrBy_BrokenCheckThenAct extends RedisInventory {

    public GetThenDecrBy_BrokenCheckThenAct(RedisEndpoint redis, Keyspace keys) {
        super(redis, keys);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        String stock = keys.stock(request.product());
        String seen = redis().get(stock);
        if (seen == null) {
            throw new UnknownProductException(request.product());
        }
        long available = Long.parseLong(seen);
        if (available < request.quantity()) {
            return outOfStock(request, available);
        }
        redis().decrby(stock, request.quantity());
        return purchased(request);
    }
}
