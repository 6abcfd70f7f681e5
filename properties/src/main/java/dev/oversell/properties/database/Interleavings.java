package dev.oversell.properties.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /**
     * At most {@code limit} interleavings: all of them if there are that few, else {@code limit} different ones
     * drawn uniformly from the printed {@code seed}.
     */
    public static List<List<Integer>> bounded(long seed, int limit, int... stepCounts) {
        if (count(stepCounts) <= limit) {
            return of(stepCounts);
        }
        Random random = new Random(seed);
        java.util.LinkedHashSet<List<Integer>> drawn = new java.util.LinkedHashSet<>();
        while (drawn.size() < limit) {
            drawn.add(draw(random, stepCounts));
        }
        return List.copyOf(drawn);
    }

    /** One interleaving drawn uniformly from all of them. */
    public static List<Integer> draw(Random random, int... stepCounts) {
        int[] left = stepCounts.clone();
        int total = 0;
        for (int n : left) {
            total += n;
        }
        List<Integer> schedule = new ArrayList<>(total);
        for (int remaining = total; remaining > 0; remaining--) {
            int pick = random.nextInt(remaining); // uniform over interleavings: choose by steps left
            int party = 0;
            while (pick >= left[party]) {
                pick -= left[party++];
            }
            left[party]--;
            schedule.add(party + 1);
        }
        return List.copyOf(schedule);
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
