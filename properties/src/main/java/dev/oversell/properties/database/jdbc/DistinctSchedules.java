package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.Interleavings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The interleavings worth running: one per class of equivalent ones. Two schedules are equivalent when one
 * becomes the other by swapping neighbouring statements of different transactions that commute ({@link Footprint}:
 * two plain reads, two statements on tables that share nothing): the engine answers both alike in either order,
 * and the code, seeing the same answers, goes on alike. Of each class the lexicographically least schedule is kept
 * (its normal form as a trace: at each step the lowest transaction whose next statement depends on nothing left
 * before it). Anything that does not commute (a write and a read of the same table, a commit) is never swapped, so
 * no schedule that could end differently is dropped.
 */
final class DistinctSchedules {

    private DistinctSchedules() {
    }

    /** Every class: each call's statements ({@code footprints.get(t).get(i)}: what statement i of T(t+1) may touch). */
    static List<List<Integer>> every(List<List<Footprint>> footprints) {
        LinkedHashSet<List<Integer>> distinct = new LinkedHashSet<>();
        for (List<Integer> schedule : Interleavings.of(counts(footprints))) {
            distinct.add(canonical(schedule, footprints));
        }
        return List.copyOf(distinct);
    }

    /** How many interleavings there are before equivalent ones are merged. */
    static long all(List<List<Footprint>> footprints) {
        return Interleavings.count(counts(footprints));
    }

    /** The class's representative: its lexicographically least schedule. */
    static List<Integer> canonical(List<Integer> schedule, List<List<Footprint>> footprints) {
        int n = schedule.size();
        int[] who = schedule.stream().mapToInt(Integer::intValue).toArray();
        Footprint[] what = new Footprint[n];
        int[] next = new int[footprints.size()];
        for (int i = 0; i < n; i++) {
            what[i] = footprints.get(who[i] - 1).get(next[who[i] - 1]++);
        }
        boolean[] taken = new boolean[n];
        List<Integer> out = new ArrayList<>(n);
        while (out.size() < n) {
            int pick = -1;
            for (int i = 0; i < n; i++) {
                // the first statement left of each transaction, if nothing left before it depends on it
                if (taken[i] || pick != -1 && who[i] >= who[pick] || !first(i, who, taken)) {
                    continue;
                }
                boolean free = true;
                for (int j = 0; j < i && free; j++) {
                    free = taken[j] || who[j] != who[i] && what[j].commutesWith(what[i]);
                }
                if (free) {
                    pick = i;
                }
            }
            taken[pick] = true;
            out.add(who[pick]);
        }
        return List.copyOf(out);
    }

    /** Whether position {@code i} holds its transaction's first statement not yet taken. */
    private static boolean first(int i, int[] who, boolean[] taken) {
        for (int j = 0; j < i; j++) {
            if (!taken[j] && who[j] == who[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] counts(List<List<Footprint>> footprints) {
        return footprints.stream().mapToInt(List::size).toArray();
    }
}
