package dev.oversell.stress.scenarios;

import dev.oversell.design.Variants;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;

import java.util.Map;

/**
 * What every scenario's state shares: a fresh instance of one catalogue variant (the generated test names it;
 * see {@link dev.oversell.stress.processor.ForEveryVariant}) holding the scenario's products, and the calls the
 * actors make, reduced to numbers.
 */
public abstract class VariantState {

    static final String SKU = "sku";
    /** A second product, for scenarios over two products. */
    static final String OTHER = "other";

    /** The answer code of a call refused because the inventory was closed. */
    static final int REFUSED_CLOSED = -2;

    private final Inventory inventory;

    protected VariantState(String variant, Map<String, Long> initialStock) {
        this.inventory = Variants.byName(variant).create(initialStock);
    }

    protected VariantState(String variant, long initialStock) {
        this(variant, Map.of(SKU, initialStock));
    }

    /** Units of {@link #SKU} bought: the quantity, 0 if out of stock, -1 if the call failed. */
    protected int buy(String requestId, int quantity) {
        return buy(requestId, SKU, quantity);
    }

    /** Units bought: the quantity, 0 if out of stock, -2 if refused as closed, -1 if the call failed otherwise. */
    protected int buy(String requestId, String product, int quantity) {
        try {
            return inventory.buy(PurchaseRequest.of(requestId, product, quantity)).unitsSold();
        } catch (IllegalStateException closed) {
            return REFUSED_CLOSED; // the contract's answer of a closed inventory
        } catch (RuntimeException failed) {
            return -1;
        }
    }

    /** 1 if the restock applied, -1 if the call failed. */
    protected int restock(int units) {
        try {
            inventory.restock(SKU, units);
            return 1;
        } catch (RuntimeException failed) {
            return -1;
        }
    }

    /** Closes the inventory: 1 once {@code close()} returned, -1 if it threw. */
    protected int close() {
        try {
            inventory.close();
            return 1;
        } catch (RuntimeException failed) {
            return -1;
        }
    }

    /** The stock of {@code product} now (-1 if unreadable). */
    protected int stock(String product) {
        try {
            return (int) inventory.stock(product);
        } catch (RuntimeException failed) {
            return -1;
        }
    }

    /** The final stock of {@link #SKU} (-1 if unreadable); releases the variant (actors, threads). Call from the arbiter. */
    protected int finalStockAndClose() {
        try {
            return stock(SKU);
        } finally {
            inventory.close();
        }
    }

    /** Releases the variant without reading anything. */
    protected void release() {
        inventory.close();
    }
}
