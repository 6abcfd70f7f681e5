package dev.oversell.properties.concurrency;

/** Which operations Lincheck may combine: each is one generic test class, run for every variant. */
enum Workload {
    /** Purchases and stock reads only: a failure here is an oversell by construction. */
    PURCHASES("purchases", PurchaseOperations.class),
    /** Purchases, stock reads and restocks: the whole contract. */
    FULL_CONTRACT("full contract", InventoryOperations.class);

    final String label;
    final Class<? extends OperationsOnVariant> testClass;

    Workload(String label, Class<? extends OperationsOnVariant> testClass) {
        this.label = label;
        this.testClass = testClass;
    }
}
