package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.Interleavings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * The interleavings worth running: one per class of equivalent ones. Two schedules are equivalent when one
 * becomes the other by swapping neighbouring statements of different transactions that are both plain reads
 * (a {@code SELECT} that takes no lock: see {@link SchedulingPoint#plainRead}): neither changes anything the
 * other sees, so the engine answers both alike in either order, and the code, seeing the same answers, goes on
 * alike. Of each class the one whose plain reads come lowest transaction first is kept. Anything else (a write,
 * a commit, a locking read) is never swapped, so no schedule that could end differently is dropped.
 */
final class DistinctSchedules {

    /** How many draws a sample may take to find its distinct schedules before it settles for fewer. */
    private static final int DRAWS_PER_SCHEDULE = 50;

    private DistinctSchedules() {
    }

    /** Every class: each call's statements ({@code plainReads.get(t).get(i)}: whether statement i of T(t+1) is a plain read). */
    static List<List<Integer>> every(List<List<Boolean>> plainReads) {
        LinkedHashSet<List<Integer>> distinct = new LinkedHashSet<>();
        for (List<Integer> schedule : Interleavings.of(counts(plainReads))) {
            distinct.add(canonical(schedule, plainReads));
        }
        return List.copyOf(distinct);
    }

    /**
     * Up to {@code limit} classes: every one if there are that few interleavings, else schedules drawn uniformly
     * from {@code seed} until {@code limit} distinct classes are found (or enough draws were made).
     */
    static List<List<Integer>> drawn(long seed, int limit, List<List<Boolean>> plainReads) {
        int[] counts = counts(plainReads);
        if (Interleavings.count(counts) <= limit) {
            return every(plainReads);
        }
        Random random = new Random(seed);
        LinkedHashSet<List<Integer>> distinct = new LinkedHashSet<>();
        for (int draw = 0; draw < limit * DRAWS_PER_SCHEDULE && distinct.size() < limit; draw++) {
            distinct.add(canonical(Interleavings.draw(random, counts), plainReads));
        }
        return List.copyOf(distinct);
    }

    /** How many interleavings there are before equivalent ones are merged. */
    static long all(List<List<Boolean>> plainReads) {
        return Interleavings.count(counts(plainReads));
    }

    /** The class's representative: neighbouring plain reads of different transactions, lowest transaction first. */
    static List<Integer> canonical(List<Integer> schedule, List<List<Boolean>> plainReads) {
        int[] who = schedule.stream().mapToInt(Integer::intValue).toArray();
        boolean[] plain = new boolean[who.length];
        int[] next = new int[plainReads.size()];
        for (int i = 0; i < who.length; i++) {
            plain[i] = plainReads.get(who[i] - 1).get(next[who[i] - 1]++);
        }
        boolean swapped = true;
        while (swapped) {
            swapped = false;
            for (int i = 0; i + 1 < who.length; i++) {
                if (plain[i] && plain[i + 1] && who[i] > who[i + 1]) {
                    int t = who[i];
                    who[i] = who[i + 1];
                    who[i + 1] = t;
                    swapped = true; // both plain: the flags stay as they are
                }
            }
        }
        List<Integer> out = new ArrayList<>(who.length);
        for (int w : who) {
            out.add(w);
        }
        return List.copyOf(out);
    }

    private static int[] counts(List<List<Boolean>> plainReads) {
        return plainReads.stream().mapToInt(List::size).toArray();
    }
}
