package dev.oversell.model;


import java.util.Objects;

/**
 * An {@link Inventory} that hands every call to another one: what a design that puts a front (a monitor, an
 * actor) before a store-backed inventory has in common, and what a wrapper that adds to {@code close()} needs.
 * The front is the subclass's constructor.
 */
public abstract class ForwardingInventory implements Inventory {

    private final Inventory front;

    protected ForwardingInventory(Inventory front) {
        this.front = Objects.requireNonNull(front, "front");
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return front.buy(request);
    }

    @Override
    public long stock(String product) {
        return front.stock(product);
    }

    @Override
    public void restock(String product, long units) {
        front.restock(product, units);
    }

    @Override
    public void close() {
        front.close();
    }
}
