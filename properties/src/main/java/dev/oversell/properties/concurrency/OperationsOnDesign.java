package dev.oversell.properties.concurrency;

import dev.oversell.model.Inventory;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;

import java.util.EnumMap;
import java.util.Map;

/**
 * What every Lincheck workload shares, for every design: a fresh inventory of the {@link DesignUnderTest}
 * for each run, purchases and stock reads of the {@link HotProduct}s, and, once the run is quiet, its
 * {@link Accounts} set against the stock the design reports. {@link SpecificationOperations} is the same
 * operations on the sequential specification; Lincheck checks that every run's answers are those of some
 * sequential order (linearizability). Lincheck runs the validation function at the end of every run, before
 * it checks the answers: a run whose accounts do not add up is reported as such (oversold, lost update), and
 * only a run whose accounts add up can be reported as not linearizable.
 *
 * <p>Request ids are small numbers ({@code r1}..{@code r4}); a critical scenario that sends one twice is a retry.
 */
public abstract class OperationsOnDesign {

    private final Inventory inventory = DesignUnderTest.build();
    private final Accounts accounts = new Accounts();

    @Operation
    public PurchaseResult buy(@Param(gen = IntGen.class, conf = "1:4") int id, HotProduct product,
                              @Param(gen = IntGen.class, conf = "1:2") int quantity) {
        PurchaseResult result = inventory.buy(PurchaseRequest.of(HotProduct.requestId(id), product.sku, quantity));
        accounts.answered(result);
        return result;
    }

    @Operation
    public long stock(HotProduct product) {
        return inventory.stock(product.sku);
    }

    /** Restock, for workloads that include it (see {@link InventoryOperations}). */
    protected void restockUnits(HotProduct product, int units) {
        inventory.restock(product.sku, units);
        accounts.restocked(product, units);
    }

    /** An order, for workloads that include them (see {@link OrderOperations}); the design takes orders. */
    protected OrderResult placeOrder(Order order) {
        OrderResult result = ((OrderInventory) inventory).place(order);
        accounts.answered(order, result);
        return result;
    }

    /**
     * After every run: the stock of each product plus the units sold of it must be what existed, and no more
     * may have been sold than existed. Then the inventory is closed (the driver closes those whose run never got
     * here).
     */
    @Validate
    public void accountsAddUp() {
        try {
            Map<HotProduct, Long> stockNow = new EnumMap<>(HotProduct.class);
            for (HotProduct product : HotProduct.values()) {
                stockNow.put(product, inventory.stock(product.sku));
            }
            accounts.judge(stockNow);
        } finally {
            inventory.close();
        }
    }
}
