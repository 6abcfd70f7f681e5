package dev.oversell.properties.concurrency;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The full-contract workload: purchases, stock reads and restocks. Catches every non-linearizable behaviour,
 * including lost restocks, which are bugs but not oversells.
 */
public class InventoryOperations extends OperationsOnVariant {

    @Operation
    public void restock(@Param(gen = IntGen.class, conf = "1:2") int units) {
        restockUnits(units);
    }
}
