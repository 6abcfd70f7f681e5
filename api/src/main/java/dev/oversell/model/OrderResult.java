package dev.oversell.model;

import java.util.List;

/**
 * The answer to an {@link Order}: either every line was taken, or none was, because a line's stock was too small.
 */
public sealed interface OrderResult permits OrderResult.Placed, OrderResult.Refused {

    String requestId();

    /** Units of {@code product} this answer sold: the line's quantity if placed, zero if refused. */
    int unitsSold(String product);

    /** The order was applied: every line's units left the stock. */
    record Placed(String requestId, List<Order.Line> lines) implements OrderResult {

        public Placed {
            lines = List.copyOf(lines);
        }

        @Override
        public int unitsSold(String product) {
            return lines.stream().filter(line -> line.product().equals(product)).mapToInt(Order.Line::quantity).sum();
        }
    }

    /**
     * The order was refused and changed nothing: its first short line, in the order's order, asked for
     * {@code requested} units of {@code shortProduct} and only {@code stockSeen} were in stock.
     */
    record Refused(String requestId, String shortProduct, int requested, long stockSeen) implements OrderResult {
        @Override
        public int unitsSold(String product) {
            return 0;
        }
    }

    static OrderResult placed(Order order) {
        return new Placed(order.requestId(), order.lines());
    }

    static OrderResult refused(Order order, Order.Line shortLine, long stockSeen) {
        return new Refused(order.requestId(), shortLine.product(), shortLine.quantity(), stockSeen);
    }
}
