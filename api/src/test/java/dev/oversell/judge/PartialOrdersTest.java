package dev.oversell.judge;

import dev.oversell.model.Order;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stock left is read as an order applied in part, and which is not. */
class PartialOrdersTest {

    private static final Map<String, Order> OPPOSITE = ordered("T1", Order.of("T1", Order.line("a", 1), Order.line("b", 1)),
            "T2", Order.of("T2", Order.line("b", 1), Order.line("a", 1)));
    private static final Map<String, String> REFUSED = Map.of("T1", "refused", "T2", "refused");

    @Test
    void oneRefusedOrderThatTookOneLineIsNamed() {
        assertThat(PartialOrders.explain(OPPOSITE, REFUSED, stock(1, 1), stock(0, 1)))
                .contains("T1's order (refused) took 1 of 'a' but not 1 of 'b'");
    }

    @Test
    void twoRefusedOrdersWithBothUnitsGoneReadAsEachTakingOneLine() {
        assertThat(PartialOrders.explain(OPPOSITE, REFUSED, stock(1, 1), stock(0, 0)))
                .contains("T1's order (refused) took 1 of 'a' but not 1 of 'b'; T2's order (refused) took 1 of 'b' but"
                        + " not 1 of 'a'");
    }

    @Test
    void stockThatNoPartialOrderLeavesIsNotRead() {
        Map<String, Order> twoEach = ordered("T1", Order.of("T1", Order.line("a", 2), Order.line("b", 2)));
        assertThat(PartialOrders.explain(twoEach, Map.of("T1", "refused"), stock(3, 3), stock(1, 1)))
                .as("the whole order taken against its answer: a lost update, not a partial order").isEmpty();
        assertThat(PartialOrders.explain(twoEach, Map.of("T1", "refused"), stock(3, 3), stock(2, 3)))
                .as("one unit gone: no line of the order takes one").isEmpty();
        assertThat(PartialOrders.explain(OPPOSITE, REFUSED, stock(1, 1), stock(-5, 1))).isEmpty();
    }

    private static Map<String, Long> stock(long a, long b) {
        Map<String, Long> stock = new LinkedHashMap<>();
        stock.put("a", a);
        stock.put("b", b);
        return stock;
    }

    private static Map<String, Order> ordered(Object... namesAndOrders) {
        Map<String, Order> orders = new LinkedHashMap<>();
        for (int i = 0; i < namesAndOrders.length; i += 2) {
            orders.put((String) namesAndOrders[i], (Order) namesAndOrders[i + 1]);
        }
        return orders;
    }
}
