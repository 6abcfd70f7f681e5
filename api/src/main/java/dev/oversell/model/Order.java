package dev.oversell.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One buyer's order of several products, all or nothing (see {@link OrderInventory}): its {@code lines}, in the
 * order the buyer wrote them, identified by {@code requestId} so that a retried order is never applied twice.
 *
 * <p>An invalid order cannot be built: a null or blank id, no line at all, a null line, or the same product on two
 * lines is an {@link IllegalArgumentException} here, before any inventory sees it; so is a line of a null product
 * or of zero units or fewer ({@link Line}).
 *
 * @param requestId the order's id; orders and single purchases share one space of ids
 * @param lines     at least one, no product twice; kept in the order given
 */
public record Order(String requestId, List<Line> lines) {

    /** One line of an order: {@code quantity} (at least 1) units of {@code product}. */
    public record Line(String product, int quantity) {

        public Line {
            Objects.requireNonNull(product, "an order line needs a product");
            if (quantity <= 0) {
                throw new IllegalArgumentException("an order line's quantity must be at least 1, got " + quantity
                        + " of " + product);
            }
        }
    }

    public Order {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("an order needs a non-blank request id, got " + requestId);
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line (order " + requestId + ")");
        }
        Set<String> products = new HashSet<>();
        for (Line line : lines) {
            Objects.requireNonNull(line, "an order's line cannot be null (order " + requestId + ")");
            if (!products.add(line.product())) {
                throw new IllegalArgumentException("product " + line.product() + " is on two lines of order "
                        + requestId + ": one line per product");
            }
        }
        lines = List.copyOf(lines);
    }

    public static Order of(String requestId, Line... lines) {
        return new Order(requestId, List.of(lines));
    }

    public static Line line(String product, int quantity) {
        return new Line(product, quantity);
    }
}
