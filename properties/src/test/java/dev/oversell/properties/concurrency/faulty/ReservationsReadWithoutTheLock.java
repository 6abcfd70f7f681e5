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
 * Every purchase and restock runs under one lock, so stock and sales always add up; a purchase reserves its
 * units, takes them from the available stock, then hands the reservation to the order. But the stock read does
 * not take the lock: it adds the available units and the reserved ones, and can see a reservation together
 * with the stock it has not yet been taken from. An answer no order explains, with the accounts intact: not
 * linearizable.
 * <pre>
 *   available 3, reserved 0
 *   T1: buy 2: reserved 2
 *                                  T2: stock(): available 3 + reserved 2 = 5   -- not linearizable: 5 never were in stock
 *   T1: available 1, reserved 0, Purchased
 * </pre>
 */
public final class ReservationsReadWithoutTheLock implements Inventory {

    private final Map<String, Long> available;
    private final Map<String, Long> reserved = new ConcurrentHashMap<>();
    private final Map<String, PurchaseRequest> requests = new HashMap<>();
    private final Map<String, PurchaseResult> answers = new HashMap<>();
    private volatile boolean closed;

    public ReservationsReadWithoutTheLock(Map<String, Long> initialStock) {
        this.available = new ConcurrentHashMap<>(SequentialInventory.copyOfValid(initialStock));
        available.keySet().forEach(product -> reserved.put(product, 0L));
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        PurchaseRequest first = requests.get(request.requestId());
        if (first != null) {
            if (!first.equals(request)) {
                throw new RequestIdConflictException(first, request);
            }
            return answers.get(request.requestId());
        }
        String product = request.product();
        long units = known(product);
        PurchaseResult result;
        if (units >= request.quantity()) {
            reserved.put(product, reserved.get(product) + request.quantity());      // reserve,
            available.put(product, units - request.quantity());                     // take from the stock,
            reserved.put(product, reserved.get(product) - request.quantity());      // hand over to the order
            result = PurchaseResult.purchased(request);
        } else {
            result = PurchaseResult.outOfStock(request, units);
        }
        requests.put(request.requestId(), request);
        answers.put(request.requestId(), result);
        return result;
    }

    /** Without the lock: may see a purchase between its reservation and its taking from the stock. */
    @Override
    public long stock(String product) {
        ensureOpen();
        return known(product) + reserved.get(product);
    }

    @Override
    public synchronized void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        long current = known(product);
        if (current > Long.MAX_VALUE - units) {
            throw new StockOverflowException(product, current, units);
        }
        available.put(product, current + units);
    }

    @Override
    public void close() {
        closed = true;
    }

    private long known(String product) {
        Long units = available.get(product);
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
    }
}
