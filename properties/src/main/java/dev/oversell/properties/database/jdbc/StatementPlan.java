package dev.oversell.properties.database.jdbc;

import dev.oversell.model.PurchaseRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a schedule interleaves, under a short name: the calls T1, T2, ... make (two purchases of the last unit;
 * three; two units each; a restock racing a purchase; at an ownership hand-over, the old owner's and the new
 * owner's) and the stock of {@link #PRODUCT} every schedule starts from.
 */
public record StatementPlan(String name, long initialStock, List<PlannedCall> calls) {

    /** The one product every schedule is about. */
    public static final String PRODUCT = "sku";

    public StatementPlan {
        Objects.requireNonNull(name, "name");
        calls = List.copyOf(calls);
        if (calls.size() < 2) {
            throw new IllegalArgumentException("a schedule interleaves at least two calls");
        }
        if (initialStock < 0) {
            throw new IllegalArgumentException("stock cannot be negative: " + initialStock);
        }
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

    /** A one-line description for script headers. */
    public String describe() {
        StringBuilder out = new StringBuilder(name + ": " + initialStock + " of '" + PRODUCT + "' in stock;");
        for (int i = 0; i < calls.size(); i++) {
            out.append(" T").append(i + 1).append(' ').append(calls.get(i).describe())
                    .append(i + 1 < calls.size() ? ";" : ".");
        }
        return out.toString();
    }
}
