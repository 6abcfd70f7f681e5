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
 * Purchases lock one monitor, restocks another: each kind of call is exclusive with its own kind only, and a
 * restock racing a purchase writes over it (or it over the restock).
 * <pre>
 *   stock of A = 3
 *   T1 (restock 1): [deliveries] read 3     T2 (buy 2): [sales] read 3, write 1, Purchased
 *   T1: write 4                                                  -- Lost update: stock 4 and 2 sold, but 4 existed
 * </pre>
 */
@KnownBug(value = "two monitors for one stock: purchases and restocks lock different objects",
        caughtBy = Family.LINCHECK, seenAs = Finding.LOST_UPDATE)
@RunsByDefault(Family.LINCHECK)
public final class TwoMonitors_BrokenLostRestock implements Inventory {

    private final Shelf shelf;
    private final Object sales = new Object();
    private final Object deliveries = new Object();

    public TwoMonitors_BrokenLostRestock(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        synchronized (sales) {
            return shelf.buy(request);
        }
    }

    @Override
    public long stock(String product) {
        synchronized (sales) {
            return shelf.stock(product);
        }
    }

    @Override
    public void restock(String product, long units) {
        synchronized (deliveries) {
            shelf.restock(product, units);
        }
    }
}
