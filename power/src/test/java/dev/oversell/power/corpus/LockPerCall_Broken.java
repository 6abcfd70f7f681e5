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
 * Every call locks a monitor, but a new one each time: no two calls ever contend, so the lock excludes nothing
 * and the check-then-act inside it races as if it were not there.
 * <pre>
 *   T1: lock m1, read 3              T2: lock m2, read 3
 *   T1: write 1, Purchased           T2: write 1, Purchased   -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "locks an object made for the call", caughtBy = {Family.LINCHECK, Family.JCSTRESS},
        seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class LockPerCall_Broken implements Inventory {

    private final Shelf shelf;

    public LockPerCall_Broken(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        synchronized (new Object()) {
            return shelf.buy(request);
        }
    }

    @Override
    public long stock(String product) {
        synchronized (new Object()) {
            return shelf.stock(product);
        }
    }

    @Override
    public void restock(String product, long units) {
        synchronized (new Object()) {
            shelf.restock(product, units);
        }
    }
}
