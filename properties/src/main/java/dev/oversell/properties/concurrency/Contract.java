package dev.oversell.properties.concurrency;

import dev.oversell.design.InMemoryDesign;
import dev.oversell.model.OrderInventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Which contract a design implements, and so which operations Lincheck drives it with: every design meets the
 * single-line {@link CriticalScenario#ALL}; one whose class implements {@link OrderInventory} meets the
 * {@link CriticalScenario#ORDERS} too, on operations that place orders. A design that sells one product at a time
 * is checked exactly as before.
 */
enum Contract {
    /** {@code dev.oversell.model.Inventory}: purchases, reads, restocks. */
    SINGLE_LINE(InventoryOperations.class, SpecificationOperations.class),
    /** {@link OrderInventory}: the same, and orders of two lines, all or nothing. */
    ORDERS(OrderOperations.class, OrderSpecificationOperations.class);

    /** The operations Lincheck calls on the design. */
    final Class<? extends OperationsOnDesign> operations;
    /** The same operations on the sequential specification. */
    final Class<?> specification;

    Contract(Class<? extends OperationsOnDesign> operations, Class<?> specification) {
        this.operations = operations;
        this.specification = specification;
    }

    static Contract of(InMemoryDesign variant) {
        return OrderInventory.class.isAssignableFrom(variant.type()) ? ORDERS : SINGLE_LINE;
    }

    /** The critical scenarios this contract's designs meet, the single-line ones first. */
    List<CriticalScenario> scenarios() {
        List<CriticalScenario> scenarios = new ArrayList<>(CriticalScenario.ALL);
        if (this == ORDERS) {
            scenarios.addAll(CriticalScenario.ORDERS);
        }
        return scenarios;
    }
}
