package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each product's shelf is made on first use by double-checked locking over a plain map: the first check reads it
 * without the lock, and nothing (no volatile, no final field) orders the shelf's filling-in before its publication.
 * Written here in the order the memory model allows a reader to see it (published, then filled), so that a model
 * checker of sequentially consistent runs meets it too: a buyer finds the shelf before its stock is on it.
 * <pre>
 *   T1: shelves[A] null, [null, make shelf, publish it]   T2: shelves[A] is there, buy: no stock of A on it
 *   T1: [put 3 units of A]                                 -- Not linearizable: A was unknown to T2
 * </pre>
 */
@KnownBug(value = "double-checked locking without volatile: a shelf seen before it is filled in",
        caughtBy = Family.LINCHECK, seenAs = Finding.NOT_LINEARIZABLE)
@RunsByDefault(Family.LINCHECK)
public final class DoubleCheckedWithoutVolatile_Broken implements Inventory {

    private final Map<String, Long> initialStock;
    private final Map<String, Shelf> shelves = new HashMap<>(); // not volatile, not final-published
    private final Map<String, PurchaseRequest> firstRequests = new ConcurrentHashMap<>(); // ids span products

    public DoubleCheckedWithoutVolatile_Broken(Map<String, Long> initialStock) {
        this.initialStock = Map.copyOf(initialStock);
    }

    private Shelf shelfOf(String product) {
        if (!initialStock.containsKey(product)) {
            throw new UnknownProductException(product);
        }
        Shelf shelf = shelves.get(product);                 // first check, without the lock
        if (shelf == null) {
            synchronized (this) {
                shelf = shelves.get(product);               // second check
                if (shelf == null) {
                    shelf = new Shelf(Map.of());
                    shelves.put(product, shelf);            // published ...
                    shelf.set(product, initialStock.get(product)); // ... then filled in
                }
            }
        }
        return shelf;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        Shelf shelf = shelfOf(request.product());
        PurchaseRequest first = firstRequests.putIfAbsent(request.requestId(), request);
        if (first != null && !first.equals(request)) {
            throw new RequestIdConflictException(first, request);
        }
        synchronized (shelf) {
            return shelf.buy(request);
        }
    }

    @Override
    public long stock(String product) {
        Shelf shelf = shelfOf(product);
        synchronized (shelf) {
            return shelf.stock(product);
        }
    }

    @Override
    public void restock(String product, long units) {
        Shelf shelf = shelfOf(product);
        synchronized (shelf) {
            shelf.restock(product, units);
        }
    }
}
