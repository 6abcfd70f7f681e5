package dev.oversell.properties.concurrency.faulty;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.model.reference.SequentialInventory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides every purchase under one lock, from units that existed and units sold, so it never sells more than
 * existed; but the stock it shows is written after the lock is released, from a read that may be stale. Two
 * buyers that both read the shown stock before either writes lose a decrement: the stock reads higher than
 * what is left. A lost update, never an oversell.
 * <pre>
 *   shown stock of A = 3
 *   T1: decide (sold 2 of 3), read shown 3      T2: decide (sold 3 of 3), read shown 3
 *   T1: write shown 1                           T2: write shown 2         -- lost update: 2 + 3 sold != 3
 * </pre>
 */
public final class ShownStockWrittenOutsideTheLock implements Inventory {

    private final Map<String, Long> existed;
    private final Map<String, Long> sold = new HashMap<>();
    private final Map<String, PurchaseRequest> requests = new HashMap<>();
    private final Map<String, PurchaseResult> answers = new HashMap<>();
    private final Map<String, Long> shown;
    private volatile boolean closed;

    public ShownStockWrittenOutsideTheLock(Map<String, Long> initialStock) {
        this.existed = new HashMap<>(SequentialInventory.copyOfValid(initialStock));
        this.shown = new ConcurrentHashMap<>(existed);
        existed.keySet().forEach(product -> sold.put(product, 0L));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        PurchaseResult result;
        synchronized (this) {
            PurchaseRequest first = requests.get(request.requestId());
            if (first != null) {
                if (!first.equals(request)) {
                    throw new RequestIdConflictException(first, request);
                }
                return answers.get(request.requestId());
            }
            long available = available(request.product());
            if (available >= request.quantity()) {
                sold.merge(request.product(), (long) request.quantity(), Long::sum);
                result = PurchaseResult.purchased(request);
            } else {
                result = PurchaseResult.outOfStock(request, available);
            }
            requests.put(request.requestId(), request);
            answers.put(request.requestId(), result);
        }
        if (result instanceof PurchaseResult.Purchased) {
            long seen = shown.get(request.product());                   // read, outside the lock ...
            shown.put(request.product(), seen - request.quantity());    // ... then write: a decrement can be lost
        }
        return result;
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        Long units = shown.get(product);
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units;
    }

    @Override
    public void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        synchronized (this) {
            long current = available(product);
            if (current > Long.MAX_VALUE - units) {
                throw new StockOverflowException(product, current, units);
            }
            existed.merge(product, units, Long::sum);
        }
        shown.merge(product, units, Long::sum);
    }

    @Override
    public void close() {
        closed = true;
    }

    private long available(String product) {
        Long units = existed.get(product);
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units - sold.get(product);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
    }
}
