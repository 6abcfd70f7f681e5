package dev.oversell.properties.database.jdbc;

import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether some sequential order of a schedule's calls, run one at a time by the specification
 * ({@link SequentialInventory}), gives exactly the answers the engine gave and the stock it ended with. The
 * calls of a schedule overlap, so any order is allowed (a weaker check than linearizability with real-time
 * order: it never accuses wrongly). A schedule has a handful of calls, so every order is tried.
 */
public final class SequentialOrders {

    private SequentialOrders() {
    }

    /**
     * {@code answers.get(i)}: call i's answer (a {@link PurchaseResult}, an {@link OrderResult}, or
     * {@link PlannedCall#RESTOCKED}). A purchase's answer must sell as many units as the specification's, an order's
     * be placed or refused as the specification's is; the stock of every product in {@code finalStock} must match.
     */
    public static boolean explain(List<PlannedCall> calls, List<Object> answers, Map<String, Long> initialStock,
                           Map<String, Long> finalStock) {
        return explain(calls, answers, initialStock, finalStock, false);
    }

    /**
     * As {@link #explain(List, List, Map, Map)}, held to {@link dev.oversell.judge.Relaxation#REFUSES_WHILE_UNITS_ARE_OUT}
     * when {@code refusalsAllowed}: a purchase answered "out of stock" fits wherever it stands in the order and changes
     * nothing; every other answer and the final stock must still be the specification's.
     */
    public static boolean explain(List<PlannedCall> calls, List<Object> answers, Map<String, Long> initialStock,
                                  Map<String, Long> finalStock, boolean refusalsAllowed) {
        return permutations(calls.size()).stream().anyMatch(order -> gives(order, calls, answers, initialStock,
                finalStock, refusalsAllowed));
    }

    private static boolean gives(List<Integer> order, List<PlannedCall> calls, List<Object> answers,
                                 Map<String, Long> initialStock, Map<String, Long> finalStock, boolean refusalsAllowed) {
        try (SequentialInventory spec = new SequentialInventory(initialStock)) {
            for (int i : order) {
                if (refusalsAllowed && calls.get(i) instanceof PlannedCall.Buy
                        && answers.get(i) instanceof PurchaseResult.OutOfStock) {
                    continue;
                }
                Object expected = calls.get(i).callOn(spec);
                Object actual = answers.get(i);
                boolean same = expected instanceof PurchaseResult e && actual instanceof PurchaseResult a
                        ? e.unitsSold() == a.unitsSold()
                        : expected instanceof OrderResult specified && actual instanceof OrderResult seen
                        ? specified.getClass() == seen.getClass() : expected.equals(actual);
                if (!same) {
                    return false;
                }
            }
            return finalStock.entrySet().stream().allMatch(e -> spec.stock(e.getKey()) == e.getValue());
        }
    }

    private static List<List<Integer>> permutations(int n) {
        List<List<Integer>> out = new ArrayList<>();
        permute(new ArrayList<>(), new boolean[n], out);
        return out;
    }

    private static void permute(List<Integer> prefix, boolean[] used, List<List<Integer>> out) {
        if (prefix.size() == used.length) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(i);
                permute(prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }
}
