package dev.oversell.properties.concurrency;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every Lincheck workload shares, for every variant: the {@link VariantUnderTest} built fresh for each
 * run, purchases and stock reads, and the contract's invariants checked after every run.
 * {@link SpecificationOperations} is the same operations on the sequential specification; Lincheck checks
 * that every concurrent run's answers are those of some sequential order (linearizability).
 *
 * <p>Request ids come from a small range, so concurrent retries and reused ids happen too.
 */
public abstract class OperationsOnVariant {

    private final Inventory inventory = VariantUnderTest.get().create(HotProduct.initialStock());
    private final Map<String, Integer> soldByRequest = new ConcurrentHashMap<>();
    private final AtomicLong restocked = new AtomicLong();

    @Operation
    public PurchaseResult buy(@Param(gen = IntGen.class, conf = "1:5") int id,
                              @Param(gen = IntGen.class, conf = "1:2") int quantity) {
        PurchaseResult result = inventory.buy(PurchaseRequest.of(HotProduct.requestId(id), HotProduct.SKU, quantity));
        if (result instanceof PurchaseResult.Purchased purchased) {
            soldByRequest.put(purchased.requestId(), purchased.quantity()); // a retry answers again, sells once
        }
        return result;
    }

    @Operation
    public long stock() {
        return inventory.stock(HotProduct.SKU);
    }

    /** Restock, for workloads that include it (see {@link InventoryOperations}). */
    protected void restockUnits(int units) {
        inventory.restock(HotProduct.SKU, units);
        restocked.addAndGet(units);
    }

    /** The contract's invariants, after every run. An oversell breaks the first or the third. */
    @Validate
    public void invariants() {
        long stock = inventory.stock(HotProduct.SKU);
        long sold = soldByRequest.values().stream().mapToLong(Integer::longValue).sum();
        long available = HotProduct.INITIAL_UNITS + restocked.get();
        if (sold > available) {
            throw new AssertionError("Oversell: " + sold + " units sold, only " + available + " ever existed");
        }
        if (stock < 0) {
            throw new AssertionError("Negative stock: " + stock);
        }
        if (stock + sold != available) {
            throw new AssertionError("Not conserved: stock " + stock + " + sold " + sold + " != " + available);
        }
    }
}
