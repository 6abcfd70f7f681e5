package dev.oversell.properties.database;

import java.util.ArrayList;
import java.util.List;

/** Every interleaving of two transactions' steps: each schedule is a list of 1s and 2s, whose turn it is. */
final class Interleavings {

    private Interleavings() {
    }

    /** All C(n1 + n2, n1) orders of n1 steps of T1 and n2 steps of T2, each transaction's steps in order. */
    static List<List<Integer>> of(int n1, int n2) {
        List<List<Integer>> all = new ArrayList<>();
        extend(new ArrayList<>(), n1, n2, all);
        return all;
    }

    private static void extend(List<Integer> prefix, int left1, int left2, List<List<Integer>> out) {
        if (left1 == 0 && left2 == 0) {
            out.add(List.copyOf(prefix));
            return;
        }
        if (left1 > 0) {
            prefix.add(1);
            extend(prefix, left1 - 1, left2, out);
            prefix.remove(prefix.size() - 1);
        }
        if (left2 > 0) {
            prefix.add(2);
            extend(prefix, left1, left2 - 1, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
