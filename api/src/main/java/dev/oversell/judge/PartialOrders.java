package dev.oversell.judge;

import dev.oversell.model.Order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the stock an execution left, once its accounts do not add up, is told by an order applied in part
 * ({@link Finding#PARTIALLY_APPLIED}): some of its lines taken, the others not. The accounts of
 * each product alone say only that stock and sales do not add up; the orders' lines, set against the stock of every
 * product together, say whether an order was cut in two.
 *
 * <p>The rule: every way the orders could have taken their lines (each order any subset of its lines, whatever it
 * answered) is set against the stock left. If a way in which some order took part of its lines gives that stock, the
 * execution applied an order in part, and the way with the fewest orders cut is the one named. The stock does not
 * always tell it apart from a whole order applied against its answer (two orders of {@code a} and {@code b}, both
 * refused, both units gone: each took one line, or one took both): all or nothing is the clause a design that takes
 * orders line by line breaks, so the partial reading is the one named, as a reading of the stock left. Stock that no
 * partial way gives is a lost update ({@link Finding#LOST_UPDATE}): whole orders taken against
 * their answers, or units lost some other way.
 */
public final class PartialOrders {

    private PartialOrders() {
    }

    /**
     * @param orders   the execution's orders, by the name of the call that placed each (T1, T2, ..., or its request id),
     *                 in order
     * @param answers  what each of those answered, in a few words ({@code placed}, {@code refused by the engine})
     * @param expected per product, the stock the execution would have left if no order had taken anything: what
     *                 existed, less what the single purchases sold
     * @param after    per product, the stock read once the execution was over
     * @return the orders applied in part and how, if some partial way gives the stock left; else empty
     */
    public static Optional<String> explain(Map<String, Order> orders, Map<String, String> answers, Map<String, Long> expected,
                                    Map<String, Long> after) {
        List<String> names = new ArrayList<>(orders.keySet());
        Set<String> products = new HashSet<>(expected.keySet());
        products.addAll(after.keySet());
        int[] masks = new int[names.size()];
        int[] partial = null;
        int fewestCut = Integer.MAX_VALUE;
        while (true) {
            int cut = cut(names, orders, masks);
            if (cut > 0 && cut < fewestCut && gives(names, orders, masks, expected, after, products)) {
                partial = masks.clone();
                fewestCut = cut;
            }
            if (!next(names, orders, masks)) {
                break;
            }
        }
        if (partial == null) {
            return Optional.empty();
        }
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Order.Line> lines = orders.get(names.get(i)).lines();
            if (partial[i] != 0 && partial[i] != (1 << lines.size()) - 1) {
                List<String> taken = new ArrayList<>();
                List<String> left = new ArrayList<>();
                for (int l = 0; l < lines.size(); l++) {
                    ((partial[i] & 1 << l) != 0 ? taken : left).add(lines.get(l).quantity() + " of '"
                            + lines.get(l).product() + "'");
                }
                cut.add(names.get(i) + "'s order (" + answers.getOrDefault(names.get(i), "no answer") + ") took "
                        + String.join(" and ", taken) + " but not " + String.join(" and ", left));
            }
        }
        return Optional.of(String.join("; ", cut));
    }

    private static boolean gives(List<String> names, Map<String, Order> orders, int[] masks,
                                 Map<String, Long> expected, Map<String, Long> after, Set<String> products) {
        Map<String, Long> stock = new HashMap<>(expected);
        for (int i = 0; i < names.size(); i++) {
            List<Order.Line> lines = orders.get(names.get(i)).lines();
            for (int l = 0; l < lines.size(); l++) {
                if ((masks[i] & 1 << l) != 0) {
                    stock.merge(lines.get(l).product(), (long) -lines.get(l).quantity(), Long::sum);
                }
            }
        }
        return products.stream().allMatch(p -> stock.getOrDefault(p, 0L).equals(after.getOrDefault(p, 0L)));
    }

    /** How many orders take part of their lines, not all and not none. */
    private static int cut(List<String> names, Map<String, Order> orders, int[] masks) {
        int cut = 0;
        for (int i = 0; i < names.size(); i++) {
            int all = (1 << orders.get(names.get(i)).lines().size()) - 1;
            if (masks[i] != 0 && masks[i] != all) {
                cut++;
            }
        }
        return cut;
    }

    /** The next combination of subsets, as a counter; false once every one was seen. */
    private static boolean next(List<String> names, Map<String, Order> orders, int[] masks) {
        for (int i = 0; i < masks.length; i++) {
            masks[i]++;
            if (masks[i] < 1 << orders.get(names.get(i)).lines().size()) {
                return true;
            }
            masks[i] = 0;
        }
        return false;
    }
}
