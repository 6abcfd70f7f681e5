package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buyers decide on a cache of the stock, refreshed under the monitor after every write, and the write takes the
 * units without looking at the stock again: every buyer that read the cache before the last refresh decides on
 * a stale count.
 * <pre>
 *   cache of A = 3
 *   T1: cache 3, 3 &gt;= 2              T2: cache 3, 3 &gt;= 2
 *   T1: [3-2=1, cache 1], Purchased   T2: [1-2=-1, cache -1], Purchased   -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "decides on a cached stock read, takes without a second look",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class CachedStockRead_BrokenStale implements Inventory {

    private final Shelf shelf;
    private final Map<String, Long> cached;

    public CachedStockRead_BrokenStale(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
        this.cached = new ConcurrentHashMap<>(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        synchronized (this) {
            PurchaseResult earlier = shelf.earlierAnswer(request);
            if (earlier != null) {
                return earlier;
            }
            shelf.stock(request.product()); // an unknown product is an error, as the specification has it
        }
        PurchaseResult result = Shelf.decide(request, cached.get(request.product()));
        synchronized (this) {
            long now = shelf.stock(request.product()) - result.unitsSold();
            shelf.set(request.product(), now);
            shelf.answer(request, result);
            cached.put(request.product(), now);
        }
        return result;
    }

    @Override
    public synchronized long stock(String product) {
        return shelf.stock(product);
    }

    @Override
    public synchronized void restock(String product, long units) {
        shelf.restock(product, units);
        cached.put(product, shelf.stock(product));
    }
}
