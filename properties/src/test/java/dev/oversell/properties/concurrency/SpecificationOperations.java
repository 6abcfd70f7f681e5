package dev.oversell.properties.concurrency;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

/** {@link InventoryOperations}' operations on the sequential specification: Lincheck's sequential model. */
public class SpecificationOperations {

    private final SequentialInventory inventory = new SequentialInventory(HotProduct.initialStock());

    public PurchaseResult buy(int id, int quantity) {
        return inventory.buy(PurchaseRequest.of(HotProduct.requestId(id), HotProduct.SKU, quantity));
    }

    public long stock() {
        return inventory.stock(HotProduct.SKU);
    }

    public void restock(int units) {
        inventory.restock(HotProduct.SKU, units);
    }
}
