package dev.oversell.properties.concurrency;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

/** {@link InventoryOperations}' operations on the sequential specification: Lincheck's sequential model. */
public class SpecificationOperations {

    private final SequentialInventory inventory = new SequentialInventory(HotProduct.initialStock());

    public PurchaseResult buy(int id, HotProduct product, int quantity) {
        return inventory.buy(PurchaseRequest.of(HotProduct.requestId(id), product.sku, quantity));
    }

    /** The specification itself, for the operations a subclass adds. */
    protected final SequentialInventory specification() {
        return inventory;
    }

    public long stock(HotProduct product) {
        return inventory.stock(product.sku);
    }

    public void restock(HotProduct product, int units) {
        inventory.restock(product.sku, units);
    }
}
