package dev.oversell.properties.database;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.store.PurchaseScript;
import dev.oversell.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the {@link ScheduleRunner} interleaves, under a short name: the calls T1, T2, ... make (usually the same
 * design's purchase twice; three buyers; two units each; at an ownership hand-over, the old owner's and the new
 * owner's; a restock racing a purchase), the stock every schedule starts from, and any set-up after the store
 * is reset (the old owner's claim).
 */
public record SchedulePlan(String name, List<ScheduledCall> calls, Map<String, Long> initialStock,
                           Consumer<Store> setUp) {

    public static final String SKU = "sku";

    public SchedulePlan {
        Objects.requireNonNull(name, "name");
        calls = List.copyOf(calls);
        initialStock = Map.copyOf(initialStock);
        Objects.requireNonNull(setUp, "setUp");
        if (calls.size() < 2) {
            throw new IllegalArgumentException("a schedule interleaves at least two calls");
        }
    }

    /** {@code buyers} purchases of {@code quantity} each by the same design, from {@code stock} units. */
    public static SchedulePlan purchases(String name, PurchaseScript script, int buyers, int quantity, long stock) {
        List<ScheduledCall> calls = new ArrayList<>();
        for (int i = 1; i <= buyers; i++) {
            calls.add(new ScheduledCall.Purchase(PurchaseRequest.of("T" + i, SKU, quantity), script));
        }
        return new SchedulePlan(name, calls, Map.of(SKU, stock), store -> { });
    }

    /** Two purchases of the last unit by the same design: the classic schedule. */
    public static SchedulePlan lastUnit(PurchaseScript script) {
        return purchases("last unit", script, 2, 1, 1);
    }

    /** Three purchases of the last unit by the same design. */
    public static SchedulePlan threeBuyers(PurchaseScript script) {
        return purchases("3 buyers, last unit", script, 3, 1, 1);
    }

    /** Two purchases of 2 units each from a stock of 3 (not a multiple of 2): one of them must be refused. */
    public static SchedulePlan twoUnitsEach(PurchaseScript script) {
        return purchases("2 units each, stock 3", script, 2, 2, 3);
    }

    /** A purchase of the last unit racing a restock of one unit, by the same design. */
    public static SchedulePlan restockRacingPurchase(PurchaseScript script) {
        return new SchedulePlan("restock racing a purchase", List.of(new ScheduledCall.Purchase(
                PurchaseRequest.of("T1", SKU, 1), script), new ScheduledCall.Restock(SKU, 1, script)),
                Map.of(SKU, 1L), store -> { });
    }

    /** A one-line description for script headers. */
    public String describe() {
        StringBuilder out = new StringBuilder(name + ": stock " + initialStock + ";");
        for (int i = 0; i < calls.size(); i++) {
            out.append(" T").append(i + 1).append(": ").append(calls.get(i).describe())
                    .append(i + 1 < calls.size() ? ";" : ".");
        }
        return out.toString();
    }
}
