package com.example.shop;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ticket counter that looks thread-safe: every product's stock is an {@link AtomicLong}. It is not: the
 * check ({@code get() >= quantity}) and the act ({@code addAndGet(-quantity)}) are two atomic steps with a gap
 * between them, and two buyers of the last ticket can both pass the check. Claims: may oversell.
 */
public final class TicketCounter_BrokenAtomicCheck implements Inventory {

    private final Map<String, AtomicLong> stock = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Answer(PurchaseRequest request, PurchaseResult result) {
    }

    public TicketCounter_BrokenAtomicCheck(Map<String, Long> initialStock) {
        SequentialInventory.copyOfValid(initialStock).forEach((product, units) -> stock.put(product, new AtomicLong(units)));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        if (!stock.containsKey(request.product()) && !answers.containsKey(request.requestId())) {
            throw new UnknownProductException(request.product());
        }
        Answer answer = answers.computeIfAbsent(request.requestId(), id -> new Answer(request, take(request)));
        if (!answer.request().equals(request)) {
            throw new RequestIdConflictException(answer.request(), request);
        }
        return answer.result();
    }

    private PurchaseResult take(PurchaseRequest request) {
        AtomicLong units = stock.get(request.product());
        long seen = units.get();
        if (seen >= request.quantity()) {          // the check ...
            units.addAndGet(-request.quantity());  // ... and the act, apart
            return PurchaseResult.purchased(request);
        }
        return PurchaseResult.outOfStock(request, seen);
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        AtomicLong units = stock.get(product);
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units.get();
    }

    @Override
    public void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        AtomicLong current = stock.get(product);
        if (current == null) {
            throw new UnknownProductException(product);
        }
        current.updateAndGet(now -> {
            if (now > Long.MAX_VALUE - units) {
                throw new StockOverflowException(product, now, units);
            }
            return now + units;
        });
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
