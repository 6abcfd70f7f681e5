package dev.oversell.properties.concurrency;

import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * {@link InventoryOperations} and orders of two lines, for designs that implement
 * {@code dev.oversell.model.OrderInventory} ({@link Contract#ORDERS}). An order's placed lines count in the
 * {@link Accounts} as sales of their products, under the order's id: a design that applies part of an order it
 * refused leaves units gone that nobody was told of, a lost update; one that takes more of a line than existed
 * has oversold it.
 */
public class OrderOperations extends InventoryOperations {

    @Operation
    public OrderResult place(@Param(gen = IntGen.class, conf = "5:6") int id, HotProduct first,
                             @Param(gen = IntGen.class, conf = "1:2") int firstUnits, HotProduct second,
                             @Param(gen = IntGen.class, conf = "1:2") int secondUnits) {
        return placeOrder(OrderSpecificationOperations.order(id, first, firstUnits, second, secondUnits));
    }
}
