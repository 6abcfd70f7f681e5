package dev.oversell.stress.scenarios;

import dev.oversell.catalogue.Catalogue;
import dev.oversell.catalogue.Variant;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;

import java.util.Map;

/**
 * What every scenario's state shares: a fresh instance of the variant under test (named by
 * {@code -Doversell.variant}) holding one product, and the calls the actors make, reduced to numbers.
 */
public abstract class VariantState {

    static final String SKU = "sku";
    static final Variant VARIANT = Catalogue.byName(requiredVariantName());

    private final Inventory inventory;

    protected VariantState(long initialStock) {
        this.inventory = VARIANT.create(Map.of(SKU, initialStock));
    }

    /** Units bought: the quantity, 0 if out of stock, -1 if the call failed. */
    protected int buy(String requestId, int quantity) {
        try {
            return inventory.buy(PurchaseRequest.of(requestId, SKU, quantity)).unitsSold();
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

    /** The final stock (-1 if unreadable); releases the variant (actors, threads). Call from the arbiter. */
    protected int finalStockAndClose() {
        try {
            return (int) inventory.stock(SKU);
        } catch (RuntimeException failed) {
            return -1;
        } finally {
            inventory.close();
        }
    }

    private static String requiredVariantName() {
        String name = System.getProperty("oversell.variant");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("run through StressRun, or pass -jvmArgsPrepend -Doversell.variant=NAME");
        }
        return name;
    }
}
