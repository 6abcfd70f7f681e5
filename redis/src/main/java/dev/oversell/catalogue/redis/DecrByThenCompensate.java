package dev.oversell.catalogue.redis;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;

/**
 * Decrement first, look at what is left, and give the units back if it went below zero.
 *
 * <pre>
 * SISMEMBER products sku  -- (integer) 1
 * DECRBY    stock:sku 1   -- (integer) -1
 * INCRBY    stock:sku 1   -- (integer) 0     (only when the decrement went below zero)
 * </pre>
 *
 * <p>Why it holds: the decision is taken on the value {@code DECRBY} returned, which is this buyer's own atomic
 * step; no two buyers can both see the same last unit, because the second decrement already sees the first. A
 * buyer that went below zero takes nothing: it puts back exactly what it took, and is told "out of stock".
 *
 * <p>What it costs: while a buyer's units are out and not yet back, the stock is briefly lower than it is, even
 * negative. A buyer deciding in that window is refused units that a sequential order would have sold it (stock 1: a
 * buyer of 2 takes it to -1, a buyer of 1 sees -2 and is refused, the first gives 2 back): the answers then fit no
 * sequential order, which the judge names <b>not linearizable</b>, never an oversell; and a {@code GET} of the
 * stock in that window reads below zero. The design declares that weaker contract
 * ({@code Relaxation.REFUSES_WHILE_UNITS_ARE_OUT}): the command-level gate runs every order of the buyers' commands,
 * shows in each cell the plans where a buyer was refused that way, and checks that the answers fit a sequential order
 * once such refusals are allowed; anything else (a sale, a stock no order explains) breaks the claim.
 *
 * <p>Request ids are not de-duplicated.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-decrby-then-compensate}): never oversells with several instances sharing one Redis; it
 * declares a weaker contract: it may refuse a buyer while another buyer's units are out (a refusal the stock did not
 * require).
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-decrby-then-compensate}
 * <!-- /produced -->
 */
public final class DecrByThenCompensate extends RedisInventory {

    public DecrByThenCompensate(RedisEndpoint redis, Keyspace keys) {
        super(redis, keys);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        requireKnown(request.product());
        String stock = keys.stock(request.product());
        long left = redis().decrby(stock, request.quantity());
        if (left >= 0) {
            return purchased(request);
        }
        redis().incrby(stock, request.quantity());
        return outOfStock(request, left + request.quantity());
    }
}
