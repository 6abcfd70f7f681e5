package dev.oversell.properties.concurrency.faulty;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.model.reference.SequentialInventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock per product, so that buyers of different products do not wait for each other; but a purchase takes
 * the lock of the <em>next</em> product in the catalogue, while a restock takes the right one. With one product
 * the next one is itself and nothing is wrong; with two, a purchase of A and a restock of A hold different
 * locks, and the restock is written over:
 * <pre>
 *   stock of A = 3
 *   T1: restock A (lock A): read 3            T2: buy 2 of A (lock B): read 3
 *   T1: write 4                               T2: write 1, Purchased     -- lost update: 1 + 2 sold != 3 + 1
 * </pre>
 * Purchases of the same product share a lock, so buyers never oversell each other.
 */
public final class LockOfTheWrongProduct implements Inventory {

    private final List<String> products;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> stock;
    private final Map<String, PurchaseRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, PurchaseResult> answers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LockOfTheWrongProduct(Map<String, Long> initialStock) {
        this.stock = new ConcurrentHashMap<>(SequentialInventory.copyOfValid(initialStock));
        this.products = new ArrayList<>(initialStock.keySet());
        products.forEach(product -> locks.put(product, new Object()));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        String product = request.product();
        Object lock = products.contains(product)
                ? locks.get(products.get((products.indexOf(product) + 1) % products.size())) // the wrong one
                : this;
        synchronized (lock) {
            PurchaseRequest first = requests.get(request.requestId());
            if (first != null) {
                if (!first.equals(request)) {
                    throw new RequestIdConflictException(first, request);
                }
                return answers.get(request.requestId());
            }
            long units = known(product);
            PurchaseResult result;
            if (units >= request.quantity()) {
                stock.put(product, units - request.quantity());
                result = PurchaseResult.purchased(request);
            } else {
                result = PurchaseResult.outOfStock(request, units);
            }
            answers.put(request.requestId(), result);
            requests.put(request.requestId(), request);
            return result;
        }
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        return known(product);
    }

    @Override
    public void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        known(product);
        synchronized (locks.get(product)) {
            long current = known(product);
            if (current > Long.MAX_VALUE - units) {
                throw new StockOverflowException(product, current, units);
            }
            stock.put(product, current + units);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private long known(String product) {
        Long units = stock.get(product);
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
