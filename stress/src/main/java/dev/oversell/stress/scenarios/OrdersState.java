package dev.oversell.stress.scenarios;

import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;

import java.util.Map;

/**
 * The state of a scenario of orders of several lines ({@link OrderInventory}): the stress run gives these scenarios
 * only to designs that take orders; a design that sells one product at a time is not asked.
 */
public abstract class OrdersState extends DesignState {

    protected OrdersState(Map<String, Long> initialStock) {
        super(initialStock);
    }

    /**
     * Places an order of one unit of each of {@code products}, in that order: 1 if placed, 0 if refused, -2 if refused
     * as closed, -1 if the call failed otherwise.
     */
    protected int placeOneOfEach(String requestId, String... products) {
        Order.Line[] lines = new Order.Line[products.length];
        for (int i = 0; i < products.length; i++) {
            lines[i] = Order.line(products[i], 1);
        }
        try {
            return ((OrderInventory) inventory()).place(Order.of(requestId, lines)) instanceof OrderResult.Placed ? 1 : 0;
        } catch (IllegalStateException closed) {
            return REFUSED_CLOSED;
        } catch (RuntimeException failed) {
            return -1;
        }
    }
}
