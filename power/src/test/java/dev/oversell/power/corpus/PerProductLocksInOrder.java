package dev.oversell.power.corpus;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;

import java.util.HashMap;
import java.util.Map;

/**
 * Two locks, always taken in one order: the product's, then the ledger of request ids (the inventory's monitor).
 * A purchase holds both, a restock and a read the product's only: the twin of
 * {@link SharedScratchAcrossProducts_BrokenLeak}, with no state shared outside the locks and no order that can
 * deadlock.
 */
@CorrectTwin("a lock per product, then the ledger's, always in that order")
public final class PerProductLocksInOrder implements Inventory {

    private final Shelf shelf;
    private final Map<String, Object> locks = new HashMap<>();

    public PerProductLocksInOrder(Map<String, Long> initialStock) {
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
            synchronized (this) {
                return shelf.buy(request);
            }
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
