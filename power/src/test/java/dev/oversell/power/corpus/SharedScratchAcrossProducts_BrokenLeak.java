package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.HashMap;
import java.util.Map;

/**
 * One lock per product, so that buyers of different products do not wait for each other; but the stock read is
 * kept in a field the whole inventory shares, and a buyer of another product, under its own lock, overwrites it:
 * one product's count leaks into the other's.
 * <pre>
 *   A = 3, B = 2
 *   T1 (buy 2 A): [lock A] seen = 3     T2 (buy 2 B): [lock B] seen = 2
 *   T1: A = seen - 2 = 0, Purchased     -- Lost update: stock of A 0 and 2 sold, but 3 existed
 * </pre>
 */
@KnownBug(value = "per-product locks over a scratch field both products share: one product leaks into another",
        caughtBy = Family.LINCHECK, seenAs = {Finding.LOST_UPDATE, Finding.OVERSOLD})
@RunsByDefault(Family.LINCHECK)
public final class SharedScratchAcrossProducts_BrokenLeak implements Inventory {

    private final Shelf shelf;
    private final Map<String, Object> locks = new HashMap<>();
    private long seen; // the stock just read: shared by every product's buyers

    public SharedScratchAcrossProducts_BrokenLeak(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
        initialStock.keySet().forEach(product -> locks.put(product, new Object()));
    }

    private Object lockOf(String product) {
        shelf.stock(product); // an unknown product is an error, as the specification has it
        return locks.get(product);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        synchronized (lockOf(request.product())) {
            synchronized (this) { // request ids span products: answers are kept under the inventory's monitor
                PurchaseResult earlier = shelf.earlierAnswer(request);
                if (earlier != null) {
                    return earlier;
                }
            }
            seen = shelf.stock(request.product());
            PurchaseResult result = Shelf.decide(request, seen);
            shelf.set(request.product(), seen - result.unitsSold());
            synchronized (this) {
                shelf.answer(request, result);
            }
            return result;
        }
    }

    @Override
    public long stock(String product) {
        synchronized (lockOf(product)) {
            return shelf.stock(product);
        }
    }

    @Override
    public void restock(String product, long units) {
        synchronized (lockOf(product)) {
            shelf.restock(product, units);
        }
    }
}
