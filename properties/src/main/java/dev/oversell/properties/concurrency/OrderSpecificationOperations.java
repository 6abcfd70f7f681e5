package dev.oversell.properties.concurrency;

import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;

/** {@link OrderOperations}' operations on the sequential specification. */
public class OrderSpecificationOperations extends SpecificationOperations {

    public OrderResult place(int id, HotProduct first, int firstUnits, HotProduct second, int secondUnits) {
        return specification().place(order(id, first, firstUnits, second, secondUnits));
    }

    /** The order {@code place(id, first, firstUnits, second, secondUnits)} sends, its lines in that order. */
    static Order order(int id, HotProduct first, int firstUnits, HotProduct second, int secondUnits) {
        return Order.of(HotProduct.requestId(id), Order.line(first.sku, firstUnits), Order.line(second.sku, secondUnits));
    }
}
