package dev.oversell.model.reference;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The specification: the {@link Inventory} contract executed one call at a time, with no concurrency
 * control at all. Every variant's answers are checked against this class, sequentially (conformance) and
 * concurrently (linearizability: some order of the concurrent calls must give exactly these answers).
 *
 * <p>Not thread-safe, by design. Variants that are safe by mutual exclusion (a monitor, an actor) keep one
 * of these as their state and make sure only one thread at a time touches it.
 *
 * <p>Order of checks in {@link #buy}: a known request id answers with its first answer (or a conflict);
 * then an unknown product is an error; then the stock decides. Errors are not recorded, answers are.
 */
public final class SequentialInventory implements Inventory {

    private final Map<String, Long> stock;
    private final Map<String, Answered> answers = new HashMap<>();
    private boolean closed;

    private record Answered(PurchaseRequest request, PurchaseResult result) {
    }

    public SequentialInventory(Map<String, Long> initialStock) {
        this.stock = copyOfValid(initialStock);
    }

    /** A defensive copy of an initial stock, refusing null products and negative or null units. */
    public static Map<String, Long> copyOfValid(Map<String, Long> initialStock) {
        Map<String, Long> copy = new LinkedHashMap<>();
        initialStock.forEach((product, units) -> {
            if (product == null || units == null || units < 0) {
                throw new IllegalArgumentException("initial stock needs a product and units >= 0, got "
                        + product + "=" + units);
            }
            copy.put(product, units);
        });
        return copy;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        Answered earlier = answers.get(request.requestId());
        if (earlier != null) {
            if (!earlier.request().equals(request)) {
                throw new RequestIdConflictException(earlier.request(), request);
            }
            return earlier.result();
        }
        long available = stock(request.product());
        PurchaseResult result;
        if (available >= request.quantity()) {
            stock.put(request.product(), available - request.quantity());
            result = PurchaseResult.purchased(request);
        } else {
            result = PurchaseResult.outOfStock(request, available);
        }
        answers.put(request.requestId(), new Answered(request, result));
        return result;
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        Long units = stock.get(product);
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
        long current = stock(product);
        if (current > Long.MAX_VALUE - units) {
            throw new StockOverflowException(product, current, units);
        }
        stock.put(product, current + units);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
    }
}
