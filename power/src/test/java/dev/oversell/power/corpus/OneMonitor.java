package dev.oversell.power.corpus;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;
import dev.oversell.power.Family;
import dev.oversell.power.RunsByDefault;

import java.util.Map;

/**
 * One monitor around every whole call: the twin of {@link LockPerCall_Broken}, {@link TwoMonitors_BrokenLostRestock},
 * {@link CheckAndActInTwoLocks_Broken} and {@link RequestIdCheckedOutsideTheLock_BrokenRetryAppliedTwice}.
 */
@CorrectTwin("every call whole under one monitor")
@RunsByDefault(Family.JCSTRESS)
public final class OneMonitor implements Inventory {

    private final Shelf shelf;

    public OneMonitor(Map<String, Long> initialStock) {
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
    public synchronized void restock(String product, long units) {
        shelf.restock(product, units);
    }
}
