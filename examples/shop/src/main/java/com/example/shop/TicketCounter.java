package com.example.shop;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shop's ticket counter: one {@link ReentrantLock} around every call to the plain sequential stock.
 * Claims: never oversells in one instance; every call is mutually exclusive, and unlocking happens-before the
 * next lock, so each call sees the previous one's writes.
 */
public final class TicketCounter implements Inventory {

    private final ReentrantLock lock = new ReentrantLock();
    private final Inventory stock;

    public TicketCounter(Map<String, Long> initialStock) {
        this.stock = new SequentialInventory(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        lock.lock();
        try {
            return stock.buy(request);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long stock(String product) {
        lock.lock();
        try {
            return stock.stock(product);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void restock(String product, long units) {
        lock.lock();
        try {
            stock.restock(product, units);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            stock.close();
        } finally {
            lock.unlock();
        }
    }
}
