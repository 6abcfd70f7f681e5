package dev.oversell.stress.scenarios;

import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Designs;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;

import java.util.Map;

/**
 * What every scenario's state shares: a fresh instance of the design under test holding the scenario's products,
 * and the calls the actors make, reduced to numbers.
 *
 * <p>The design under test is the one named by the JVM property {@value #DESIGN_PROPERTY}, looked up once per JVM
 * among the designs every {@link dev.oversell.design.DesignProvider} on the class path declares. The stress run
 * ({@code dev.oversell.stress.jcstress.StressRun}) starts one jcstress run per design and hands the name to
 * jcstress's forked JVMs ({@code -jvmArgsPrepend -Doversell.stress.design=NAME}); so the scenarios are compiled
 * once, in this jar, and judge any project's designs. A JVM without the property cannot build a state: jcstress
 * reports the test as an error, never as a pass. The first state of a JVM starts its {@link HangWatch}, which ends
 * the fork, naming the cycle, if the design's calls deadlock.
 */
public abstract class DesignState {

    /** The JVM property that names the design every scenario of this JVM builds. */
    public static final String DESIGN_PROPERTY = "oversell.stress.design";

    static final String SKU = "sku";
    /** A second product, for scenarios over two products. */
    static final String OTHER = "other";
    /** The products of the scenarios of orders: orders name them in either order. */
    static final String A = "a";
    static final String B = "b";

    /** The answer code of a call refused because the inventory was closed. */
    static final int REFUSED_CLOSED = -2;

    private static final InMemoryDesign UNDER_TEST = namedByProperty();

    private final Inventory inventory;

    /**
     * A design on an executor it is handed gets one whose threads every state of this JVM shares
     * ({@link dev.oversell.design.OnExecutor#onSharedExecutor}): jcstress builds a state per sample, and a thread
     * started and stopped per sample would leave too few samples to judge.
     */
    protected DesignState(Map<String, Long> initialStock) {
        HangWatch.start();
        this.inventory = UNDER_TEST.onExecutor().map(handed -> handed.onSharedExecutor(UNDER_TEST.name(), initialStock))
                .orElseGet(() -> UNDER_TEST.create(initialStock));
    }

    protected DesignState(long initialStock) {
        this(Map.of(SKU, initialStock));
    }

    /** The design under test, for calls this class does not make. */
    Inventory inventory() {
        return inventory;
    }

    private static InMemoryDesign namedByProperty() {
        String name = System.getProperty(DESIGN_PROPERTY, "").trim();
        if (name.isEmpty()) {
            throw new IllegalStateException("no design to stress: the scenarios build the in-memory design named by"
                    + " -D" + DESIGN_PROPERTY + "=NAME, which the stress run passes to jcstress's forked JVMs");
        }
        return Designs.byName(name, InMemoryDesign.class);
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

    /** The final stock of {@link #SKU} (-1 if unreadable); releases the design (actors, threads). Call from the arbiter. */
    protected int finalStockAndClose() {
        try {
            return stock(SKU);
        } finally {
            inventory.close();
        }
    }

    /** Releases the design without reading anything. */
    protected void release() {
        inventory.close();
    }
}
