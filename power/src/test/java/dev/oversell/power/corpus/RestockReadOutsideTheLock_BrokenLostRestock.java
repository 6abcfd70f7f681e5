package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;

import java.util.Map;

/**
 * Purchases are whole under the monitor; a restock reads the stock under it, adds outside it, and writes the sum
 * back under it again: a purchase in between is written over, and its units come back.
 * <pre>
 *   stock of A = 3
 *   T1 (restock 1): [read 3]         T2 (buy 2): [read 3, write 1], Purchased
 *   T1: [write 3+1=4]                             -- Lost update: stock 4 and 2 sold, but 4 existed
 * </pre>
 */
@KnownBug(value = "a lost restock: read, add, then write back in a second critical section",
        caughtBy = Family.LINCHECK, seenAs = Finding.LOST_UPDATE)
public final class RestockReadOutsideTheLock_BrokenLostRestock implements Inventory {

    private final Shelf shelf;

    public RestockReadOutsideTheLock_BrokenLostRestock(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        return shelf.buy(request);
    }

    @Override
    public synchronized long stock(String product) {
        return shelf.stock(product);
    }

    @Override
    public void restock(String product, long units) {
        long current;
        synchronized (this) {
            current = shelf.stock(product);
        }
        long restocked = Shelf.plus(product, current, units);
        synchronized (this) {
            shelf.set(product, restocked);
        }
    }
}
