package dev.oversell.model.reference;

import dev.oversell.model.Inventory;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The specification: the {@link Inventory} and {@link OrderInventory} contracts executed one call at a time, with no concurrency
 * control at all. Every design's answers are checked against this class, sequentially (conformance) and
 * concurrently (linearizability: some order of the concurrent calls must give exactly these answers).
 *
 * <p>Not thread-safe, by design. Designs that are safe by mutual exclusion (a monitor, an actor) keep one
 * of these as their state and make sure only one thread at a time touches it.
 *
 * <p>Order of checks in {@link #buy}: a known request id answers with its first answer (or a conflict);
 * then an unknown product is an error; then the stock decides. Errors are not recorded, answers are. In
 * {@link #place} the same, over every line before any is taken: a known id answers first; then an unknown product
 * on any line is an error; then the first short line, in the order's order, refuses the whole order; else every
 * line is taken. Orders and purchases share one space of request ids.
 */
public final class SequentialInventory implements OrderInventory {

    private final Map<String, Long> stock;
    private final Map<String, Answered> answers = new HashMap<>();
    private boolean closed;

    /** The first request (a {@link PurchaseRequest} or an {@link Order}) sent with an id, and its answer. */
    private record Answered(Object request, Object result) {
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
                throw new RequestIdConflictException(request.requestId(), earlier.request(), request);
            }
            return (PurchaseResult) earlier.result();
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
    public OrderResult place(Order order) {
        ensureOpen();
        Answered earlier = answers.get(order.requestId());
        if (earlier != null) {
            if (!earlier.request().equals(order)) {
                throw new RequestIdConflictException(order.requestId(), earlier.request(), order);
            }
            return (OrderResult) earlier.result();
        }
        order.lines().forEach(line -> stock(line.product())); // an unknown product on any line: nothing changes
        OrderResult result = null;
        for (Order.Line line : order.lines()) {
            long available = stock(line.product());
            if (available < line.quantity()) {
                result = OrderResult.refused(order, line, available);
                break;
            }
        }
        if (result == null) {
            order.lines().forEach(line -> stock.put(line.product(), stock.get(line.product()) - line.quantity()));
            result = OrderResult.placed(order);
        }
        answers.put(order.requestId(), new Answered(order, result));
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
