package dev.oversell.properties.concurrency;

import dev.oversell.judge.Finding;
import dev.oversell.judge.PartialOrders;
import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's accounts, kept beside the design by the operations: which requests the design answered
 * "purchased", and which orders "placed" (each request id counted once: a retry sells once; a placed order's
 * every line is a sale of its product), and which restocks it applied, per product.
 * Once the run is quiet, {@link #judge} sets them against the stock the design reports: more units sold than
 * existed is {@link Finding#OVERSOLD}; stock and sales that do not add up, {@link Finding#LOST_UPDATE}, unless an
 * order taken in part explains the stock left ({@link Finding#PARTIALLY_APPLIED}: {@link PartialOrders}, the rule
 * the database family applies too).
 *
 * <p>Bookkeeping, not code under test: Lincheck's model checker is told to ignore this class, so that it
 * places no thread switch here and spends its exploration on the design.
 */
final class Accounts {

    /** Units sold of one product under one request id (a purchase, or one line of an order). */
    private record Sale(String requestId, String product, int quantity) {
    }

    private final Map<String, List<Sale>> sold = new ConcurrentHashMap<>();
    private final Map<HotProduct, Long> restocked = new ConcurrentHashMap<>();
    /** Every order sent, placed or refused, by its request id, and what it answered (the first time). */
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, String> orderAnswers = new ConcurrentHashMap<>();

    /** A buy's answer; a purchase counts once per request id, however often it is answered. */
    void answered(PurchaseResult result) {
        if (result instanceof PurchaseResult.Purchased sale) {
            sold.putIfAbsent(sale.requestId(), List.of(new Sale(sale.requestId(), sale.product(), sale.quantity())));
        }
    }

    /** An order's answer; a placed order counts once per request id, each line a sale of its product. */
    void answered(Order order, OrderResult result) {
        orders.putIfAbsent(order.requestId(), order);
        orderAnswers.putIfAbsent(order.requestId(), result instanceof OrderResult.Placed ? "placed" : "refused");
        if (result instanceof OrderResult.Placed placed) {
            sold.putIfAbsent(placed.requestId(), placed.lines().stream()
                    .map(line -> new Sale(placed.requestId(), line.product(), line.quantity())).toList());
        }
    }

    /** A restock the design accepted (it returned normally). */
    void restocked(HotProduct product, long units) {
        restocked.merge(product, units, Long::sum);
    }

    /**
     * Sets the accounts against {@code stockNow}, the stock the design reports for each product once every call
     * returned.
     *
     * @throws AccountsDoNotAddUp with the most serious finding over the products, if any is an anomaly
     */
    void judge(Map<HotProduct, Long> stockNow) {
        Finding worst = Finding.HELD;
        List<String> lines = new ArrayList<>();
        for (HotProduct product : HotProduct.values()) {
            long existed = product.initialUnits + restocked.getOrDefault(product, 0L);
            List<Sale> sales = this.sold.values().stream().flatMap(List::stream)
                    .filter(sale -> sale.product().equals(product.sku)).toList();
            long sold = sales.stream().mapToLong(Sale::quantity).sum();
            long stock = stockNow.get(product);
            Finding finding = Finding.ofAccounts(existed, sold, stock);
            worst = Finding.worst(worst, finding);
            if (finding.anomaly()) {
                lines.add(describe(product, finding, existed, sold, stock, sales));
            }
        }
        if (worst == Finding.LOST_UPDATE && !orders.isEmpty()) {
            String partly = partly(stockNow);
            if (partly != null) {
                String prefix = Finding.LOST_UPDATE.word() + ": ";
                throw new AccountsDoNotAddUp(Finding.PARTIALLY_APPLIED, Finding.PARTIALLY_APPLIED.word() + ": "
                        + partly + " (" + String.join("; ", lines.stream().map(l -> l.startsWith(prefix)
                        ? l.substring(prefix.length()) : l).toList()) + ")");
            }
        }
        if (worst.anomaly()) {
            throw new AccountsDoNotAddUp(worst, String.join("; ", lines));
        }
    }

    /**
     * The orders taken in part that give {@code stockNow}, in words, or null: what existed, less what the single
     * purchases sold, set against every way the orders could have taken their lines ({@link PartialOrders}).
     */
    private String partly(Map<HotProduct, Long> stockNow) {
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, Long> after = new LinkedHashMap<>();
        for (HotProduct product : HotProduct.values()) {
            expected.put(product.sku, product.initialUnits + restocked.getOrDefault(product, 0L));
            after.put(product.sku, stockNow.get(product));
        }
        sold.forEach((id, sales) -> {
            if (!orders.containsKey(id)) {
                sales.forEach(sale -> expected.merge(sale.product(), (long) -sale.quantity(), Long::sum));
            }
        });
        return PartialOrders.explain(new java.util.TreeMap<>(orders), orderAnswers, expected, after).orElse(null);
    }

    private String describe(HotProduct product, Finding finding, long existed, long sold, long stock,
                            List<Sale> sales) {
        String sold_ = sold + " units of " + product + " sold (" + sales.stream()
                .map(sale -> sale.requestId() + ": " + sale.quantity()).sorted().reduce((a, b) -> a + ", " + b)
                .orElse("none") + ")";
        String existed_ = existed + " existed (" + product.initialUnits + " initial + "
                + (existed - product.initialUnits) + " restocked)";
        return switch (finding) {
            case OVERSOLD -> finding.word() + ": " + sold_ + ", only " + existed_ + "; stock reads " + stock;
            case LOST_UPDATE -> finding.word() + ": stock of " + product + " reads " + stock + " and " + sold_
                    + ", but " + existed_ + ": " + stock + " + " + sold + " != " + existed;
            default -> finding.word();
        };
    }

    /** The accounts of a run do not add up; {@link #finding} says how. Thrown by the validation function. */
    static final class AccountsDoNotAddUp extends AssertionError {

        private static final long serialVersionUID = 1L;

        final transient Finding finding;

        AccountsDoNotAddUp(Finding finding, String message) {
            super(message);
            this.finding = finding;
        }
    }
}
