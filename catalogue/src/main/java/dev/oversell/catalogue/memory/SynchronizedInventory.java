package dev.oversell.catalogue.memory;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;

/**
 * One JVM monitor around every call: the seed post's {@code synchronized} service.
 *
 * <p><b>Why:</b> every call runs the {@link SequentialInventory specification} while holding {@code this}'s
 * monitor, so calls are mutually exclusive and each sees the previous one's writes (monitor exit
 * happens-before the next monitor enter). The result is linearizable by construction: the linearization
 * point is anywhere inside the critical section.
 *
 * <p><b>Where it breaks:</b> the monitor lives in one JVM. Two app instances have two monitors, and once
 * they share a store (a database) they serialise nothing between them; the shared-store column of the
 * catalogue is where that is measured.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code synchronized}): never oversells in one instance (the threads of one JVM).
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInLincheckTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.design=synchronized}
 * <!-- /produced -->
 */
public final class SynchronizedInventory implements Inventory {

    private final Inventory state;

    public SynchronizedInventory(Map<String, Long> initialStock) {
        this(new SequentialInventory(initialStock));
    }

    /** A monitor around {@code state}, which nothing else may touch (the seed's service over its database). */
    public SynchronizedInventory(Inventory state) {
        this.state = java.util.Objects.requireNonNull(state, "state");
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        return state.buy(request);
    }

    @Override
    public synchronized long stock(String product) {
        return state.stock(product);
    }

    @Override
    public synchronized void restock(String product, long units) {
        state.restock(product, units);
    }

    @Override
    public synchronized void close() {
        state.close();
    }
}
