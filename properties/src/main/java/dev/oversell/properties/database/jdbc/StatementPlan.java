package dev.oversell.properties.database.jdbc;

import dev.oversell.model.Order;
import dev.oversell.model.PurchaseRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a schedule interleaves, under a short name: the calls T1, T2, ... make (two purchases of the last unit;
 * three; two units each; a restock racing a purchase; at an ownership hand-over, the old owner's and the new
 * owner's; two orders of the same two products in opposite order) and the stock every schedule starts from:
 * of {@link #PRODUCT} for a plan of single purchases, of each product an order names for a plan of orders.
 */
public record StatementPlan(String name, Map<String, Long> stock, List<PlannedCall> calls) {

    /** The one product every plan of single purchases is about. */
    public static final String PRODUCT = "sku";
    /** The two products of {@link #oppositeOrders()}. */
    public static final String A = "a";
    public static final String B = "b";

    /** {@code stock}: the units of each product, in the order the plan names them. */
    public StatementPlan {
        Objects.requireNonNull(name, "name");
        calls = List.copyOf(calls);
        if (calls.size() < 2) {
            throw new IllegalArgumentException("a schedule interleaves at least two calls");
        }
        if (stock.isEmpty()) {
            throw new IllegalArgumentException("a schedule starts from the stock of at least one product");
        }
        stock.forEach((product, units) -> {
            if (units < 0) {
                throw new IllegalArgumentException("stock cannot be negative: " + units + " of " + product);
            }
        });
        stock = Collections.unmodifiableMap(new LinkedHashMap<>(stock));
    }

    /** A plan of calls about {@link #PRODUCT} alone, of which {@code initialStock} units are in stock. */
    public StatementPlan(String name, long initialStock, List<PlannedCall> calls) {
        this(name, Map.of(PRODUCT, initialStock), calls);
    }

    /** {@code buyers} purchases of {@code quantity} each (request ids T1, T2, ...), from {@code stock} units. */
    public static StatementPlan purchases(String name, int buyers, int quantity, long stock) {
        List<PlannedCall> calls = new ArrayList<>();
        for (int i = 1; i <= buyers; i++) {
            calls.add(new PlannedCall.Buy(PurchaseRequest.of("T" + i, PRODUCT, quantity)));
        }
        return new StatementPlan(name, stock, calls);
    }

    /** Two purchases of the last unit: the classic schedule. */
    public static StatementPlan lastUnit() {
        return purchases("last unit", 2, 1, 1);
    }

    /** Three purchases of the last unit. */
    public static StatementPlan threeBuyers() {
        return purchases("3 buyers, last unit", 3, 1, 1);
    }

    /** Two purchases of 2 units each from a stock of 3 (not a multiple of 2): one of them must be refused. */
    public static StatementPlan twoUnitsEach() {
        return purchases("2 units each, stock 3", 2, 2, 3);
    }

    /**
     * A buyer of 2 units and a buyer of 1 from a stock of 1: the first must be refused and the second sold the last
     * unit, in any sequential order. A design that takes the units first and gives them back when they were too many
     * may refuse the second while the first's units are out.
     */
    public static StatementPlan largerBuyerFirst() {
        return new StatementPlan("a buyer of 2 and a buyer of 1, stock 1", 1, List.of(
                new PlannedCall.Buy(PurchaseRequest.of("T1", PRODUCT, 2)),
                new PlannedCall.Buy(PurchaseRequest.of("T2", PRODUCT, 1))));
    }

    /** A purchase of the last unit racing a restock of one unit. */
    public static StatementPlan restockRacingPurchase() {
        return new StatementPlan("restock racing a purchase", 1, List.of(
                new PlannedCall.Buy(PurchaseRequest.of("T1", PRODUCT, 1)), new PlannedCall.Restock(PRODUCT, 1)));
    }

    /**
     * One request sent twice at once (a client that resubmits after a timeout while its first try is still in
     * flight), one unit from a stock of 2: a design that de-duplicates request ids applies it once (both answers
     * the same, one unit gone); one that does not applies it twice, which the accounts show as a unit taken for a
     * sale counted once ({@link dev.oversell.judge.Finding#LOST_UPDATE}).
     */
    public static StatementPlan sameRequestTwice() {
        PurchaseRequest request = PurchaseRequest.of("R1", PRODUCT, 1);
        return new StatementPlan(SAME_REQUEST_TWICE, 2, List.of(new PlannedCall.Buy(request), new PlannedCall.Buy(request)));
    }

    /** The name of {@link #sameRequestTwice()}. */
    public static final String SAME_REQUEST_TWICE = "the same request twice, stock 2";

    /**
     * True if {@code outcome}, a schedule of {@link #sameRequestTwice()}, applied the request twice: two units gone
     * for the one request.
     */
    public static boolean appliedTwice(JdbcScheduleOutcome outcome) {
        return outcome.stockAfter() == outcome.existed() - 2;
    }

    /**
     * Two orders of one unit of {@link #A} and one of {@link #B}, one unit of each in stock, the lines in opposite
     * order (T1 {@code a} then {@code b}, T2 {@code b} then {@code a}): exactly one of them can be placed. A design
     * that locks the lines in the order given deadlocks here, and the engine refuses one of the two; one that checks
     * every line before it takes any sells both.
     */
    public static StatementPlan oppositeOrders() {
        Map<String, Long> stock = new LinkedHashMap<>();
        stock.put(A, 1L);
        stock.put(B, 1L);
        return new StatementPlan(OPPOSITE_ORDERS, stock, List.of(
                new PlannedCall.Place(Order.of("T1", Order.line(A, 1), Order.line(B, 1))),
                new PlannedCall.Place(Order.of("T2", Order.line(B, 1), Order.line(A, 1)))));
    }

    /** The name of {@link #oppositeOrders()}. */
    public static final String OPPOSITE_ORDERS = "two orders of a and b in opposite order";

    /** Whether some call of the plan is an order (the design must take orders). */
    public boolean placesOrders() {
        return calls.stream().anyMatch(PlannedCall.Place.class::isInstance);
    }

    /** A one-line description for script headers. */
    public String describe() {
        StringBuilder out = new StringBuilder(name + ": " + stock.entrySet().stream()
                .map(e -> e.getValue() + " of '" + e.getKey() + "'").collect(Collectors.joining(" and ")) + " in stock;");
        for (int i = 0; i < calls.size(); i++) {
            out.append(" T").append(i + 1).append(' ').append(calls.get(i).describe())
                    .append(i + 1 < calls.size() ? ";" : ".");
        }
        return out.toString();
    }
}
