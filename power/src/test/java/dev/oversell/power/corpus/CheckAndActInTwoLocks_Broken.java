package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;

/**
 * Every step under the one monitor, but the check and the act in two critical sections: the decision is taken on
 * a stock another buyer changes between them, and the write is computed from the stale read.
 * <pre>
 *   T1: [read 3]                     T2: [read 3]
 *   T1: [write 3-2=1], Purchased     T2: [write 3-2=1], Purchased   -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "check under the lock, act under the lock again, on the stale read",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class CheckAndActInTwoLocks_Broken implements Inventory {

    private final Shelf shelf;

    public CheckAndActInTwoLocks_Broken(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        long seen;
        synchronized (this) {
            PurchaseResult earlier = shelf.earlierAnswer(request);
            if (earlier != null) {
                return earlier;
            }
            seen = shelf.stock(request.product());                          // check ...
        }
        PurchaseResult result = Shelf.decide(request, seen);
        synchronized (this) {
            shelf.set(request.product(), seen - result.unitsSold());      // ... then act on what was seen
            shelf.answer(request, result);
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
    }
}
