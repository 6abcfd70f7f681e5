package dev.oversell.properties.database;

import java.util.ArrayList;
import java.util.List;

/**
 * Interleavings of several transactions' steps: each schedule is a list of party numbers (1, 2, ...), whose
 * turn it is; each transaction's steps stay in their order.
 */
public final class Interleavings {

    private Interleavings() {
    }

    /** All (n1 + n2 + ...)! / (n1! n2! ...) orders of n1 steps of T1, n2 of T2, .... */
    public static List<List<Integer>> of(int... stepCounts) {
        List<List<Integer>> all = new ArrayList<>();
        extend(new ArrayList<>(), stepCounts.clone(), all);
        return all;
    }

    /** How many interleavings {@link #of} would list. */
    public static long count(int... stepCounts) {
        long count = 1;
        int placed = 0;
        for (int n : stepCounts) {
            for (int k = 1; k <= n; k++) {
                placed++;
                count = count * placed / k; // multinomial, built from binomials: exact at every step
            }
        }
        return count;
    }

    private static void extend(List<Integer> prefix, int[] left, List<List<Integer>> out) {
        boolean any = false;
        for (int party = 0; party < left.length; party++) {
            if (left[party] > 0) {
                any = true;
                left[party]--;
                prefix.add(party + 1);
                extend(prefix, left, out);
                prefix.remove(prefix.size() - 1);
                left[party]++;
            }
        }
        if (!any) {
            out.add(List.copyOf(prefix));
        }
    }
}
