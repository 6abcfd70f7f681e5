package dev.oversell.properties.concurrency;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The full contract: purchases, stock reads and restocks of both products. A restock racing a purchase is
 * where a lost update (a restock written over, units that vanish) shows.
 */
public class InventoryOperations extends OperationsOnDesign {

    @Operation
    public void restock(HotProduct product, @Param(gen = IntGen.class, conf = "1:2") int units) {
        restockUnits(product, units);
    }
}
