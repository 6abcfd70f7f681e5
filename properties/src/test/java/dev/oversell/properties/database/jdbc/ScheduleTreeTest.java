package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.Interleavings;
import dev.oversell.properties.schedule.ScheduleTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exploration of {@link ScheduleTree} on transactions simulated without an engine, checked against brute
 * force: every execution is run once, equivalent plain reads are not run twice, a lock makes a waiting transaction
 * unavailable, and an engine that does not repeat itself is noticed rather than passed over.
 */
class ScheduleTreeTest {

    private static final Footprint READ = Footprint.statement(true, null);
    private static final Footprint WRITE = Footprint.statement(false, null);

    /** A write to the tables of these groups. */
    private static Footprint writes(String... groups) {
        return Footprint.statement(false, Set.of(groups));
    }

    /**
     * Simulated transactions: {@code steps.get(t).get(i)} is what step i of T(t+1) may touch. With
     * {@code lockOnFirstWrite}, a transaction's first step that is not a plain read takes one lock shared by all.
     */
    private record Program(List<List<Footprint>> steps, boolean lockOnFirstWrite) {
        /** Steps given as plain read or not; the last step of those in {@code inertEnds} is a read-only commit. */
        static Program of(List<List<Boolean>> plain, boolean lockOnFirstWrite, Set<Integer> inertEnds) {
            List<List<Footprint>> steps = new ArrayList<>();
            for (int t = 0; t < plain.size(); t++) {
                List<Footprint> mine = new ArrayList<>();
                for (int i = 0; i < plain.get(t).size(); i++) {
                    boolean inertEnd = inertEnds.contains(t) && i == plain.get(t).size() - 1;
                    mine.add(inertEnd ? Footprint.INERT_END : plain.get(t).get(i) ? READ : WRITE);
                }
                steps.add(mine);
            }
            return new Program(steps, lockOnFirstWrite);
        }

        static Program of(List<List<Boolean>> plain, boolean lockOnFirstWrite) {
            return of(plain, lockOnFirstWrite, Set.of());
        }
    }

    /** Runs the tree to the end on {@code program}; returns every executed order (transaction numbers from 1). */
    private static List<List<Integer>> explore(ScheduleTree tree, Program program) {
        List<List<Integer>> runs = new ArrayList<>();
        while (!tree.exhausted()) {
            runs.add(runOnce(tree.nextRun(false)::choose, program));
            tree.finished();
            assertThat(runs).as("the exploration ends").hasSizeLessThan(100_000);
        }
        return runs;
    }

    /**
     * One run: each transaction's steps in order; with {@code lockOnFirstWrite}, a transaction's first non-read
     * step takes a lock held until its last step, and another transaction whose next step is a write waits for it.
     */
    private static List<Integer> runOnce(StatementGate.Chooser chooser, Program program) {
        int n = program.steps().size();
        int[] next = new int[n];
        int holder = -1;
        List<Integer> order = new ArrayList<>();
        while (true) {
            List<Integer> ready = new ArrayList<>();
            List<SchedulingPoint> points = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                List<Footprint> steps = program.steps().get(t);
                if (next[t] == steps.size()) {
                    continue;
                }
                Footprint step = steps.get(next[t]);
                if (program.lockOnFirstWrite() && !step.plainRead() && holder != -1 && holder != t) {
                    continue; // waits for the lock
                }
                ready.add(t);
                points.add(new SchedulingPoint(new ScheduledTransaction(t + 1, null), step.plainRead() ? "select"
                        : "update", "step " + next[t], t, List.of(), step));
            }
            if (ready.isEmpty()) {
                return order;
            }
            int pick = chooser.choose(ready, points);
            assertThat(ready).contains(pick);
            boolean plain = program.steps().get(pick).get(next[pick]).plainRead();
            if (program.lockOnFirstWrite() && !plain) {
                holder = pick;
            }
            next[pick]++;
            if (next[pick] == program.steps().get(pick).size() && holder == pick) {
                holder = -1; // its last step commits
            }
            order.add(pick + 1);
        }
    }

    @Test
    void withoutReadsOrLocksEveryInterleavingRunsOnce() {
        Program program = Program.of(List.of(List.of(false, false), List.of(false, false), List.of(false)), false);
        List<List<Integer>> runs = explore(new ScheduleTree(), program);
        assertThat(runs).doesNotHaveDuplicates().hasSize((int) Interleavings.count(2, 2, 1));
        assertThat(new HashSet<>(runs)).isEqualTo(new HashSet<>(Interleavings.of(2, 2, 1)));
    }

    @Test
    void plainReadsOfDifferentTransactionsAreNotRunInBothOrders() {
        Program program = Program.of(List.of(List.of(true, false, false), List.of(true, false, false),
                List.of(true, true, false)), false);
        List<List<Footprint>> steps = program.steps();
        ScheduleTree tree = new ScheduleTree();
        List<List<Integer>> runs = explore(tree, program);
        Set<List<Integer>> classes = new HashSet<>();
        for (List<Integer> run : runs) {
            classes.add(DistinctSchedules.canonical(run, steps));
        }
        // every class of equivalent orders is reached, and no class is run twice except by a run the tree counted
        assertThat(classes).isEqualTo(new HashSet<>(DistinctSchedules.every(steps)));
        assertThat(runs.size() - tree.equivalent()).isEqualTo(classes.size());
        assertThat(runs.size()).isLessThan((int) Interleavings.count(3, 3, 3));
    }

    @Test
    void statementsOnTablesThatShareNothingAreNotRunInBothOrders() {
        // a stock row and a purchases row per call, then a commit that may publish both
        List<Footprint> purchase = List.of(writes("purchases"), writes("stock"), Footprint.END);
        List<Footprint> other = List.of(writes("stock"), writes("purchases"), Footprint.END);
        Program program = new Program(List.of(purchase, other, List.of(writes("audit"), writes("stock"))), false);
        ScheduleTree tree = new ScheduleTree();
        List<List<Integer>> runs = explore(tree, program);
        Set<List<Integer>> classes = new HashSet<>();
        runs.forEach(run -> classes.add(DistinctSchedules.canonical(run, program.steps())));
        assertThat(classes).isEqualTo(new HashSet<>(DistinctSchedules.every(program.steps())));
        assertThat(runs.size() - tree.equivalent()).isEqualTo(classes.size());
        assertThat(classes.size()).isLessThan((int) Interleavings.count(3, 3, 2));
    }

    @Test
    void theRepresentativeOfAClassIsItsLeastSchedule() {
        // T1 and T3 write one table, T2 another: T2's write commutes with both, theirs do not with each other
        List<List<Footprint>> steps = List.of(List.of(writes("a")), List.of(writes("b")), List.of(writes("a")));
        assertThat(DistinctSchedules.canonical(List.of(3, 1, 2), steps)).isEqualTo(List.of(2, 3, 1));
        assertThat(DistinctSchedules.canonical(List.of(3, 2, 1), steps)).isEqualTo(List.of(2, 3, 1));
        assertThat(DistinctSchedules.every(steps)).containsExactlyInAnyOrder(List.of(1, 2, 3), List.of(2, 3, 1));
        // an unbounded statement commutes with nothing but a plain read
        assertThat(writes("a").commutesWith(WRITE)).isFalse();
        assertThat(writes("a").commutesWith(writes("a", "b"))).isFalse();
        assertThat(writes("a").commutesWith(Footprint.END)).isFalse();
        assertThat(Footprint.statement(true, Set.of("a")).commutesWith(READ)).isTrue();
    }

    @Test
    void aReadOnlyCommitIsTakenAtOnceAndNothingElseIsTriedBeforeIt() {
        List<List<Boolean>> steps = List.of(List.of(false, false), List.of(false));
        assertThat(explore(new ScheduleTree(), Program.of(steps, false))).hasSize(3);
        assertThat(explore(new ScheduleTree(), Program.of(steps, false, Set.of(1)))).containsExactly(List.of(2, 1, 1));
    }

    @Test
    void aTransactionWaitingForALockIsNotOfferedAndEveryLegalOrderIsRun() {
        Program program = Program.of(List.of(List.of(true, false, false), List.of(true, false, false),
                List.of(false, false)), true);
        List<List<Integer>> runs = explore(new ScheduleTree(), program);
        Set<List<Integer>> legal = new HashSet<>();
        for (List<Integer> order : Interleavings.of(3, 3, 2)) {
            if (legal(order, program)) {
                legal.add(DistinctSchedules.canonical(order, program.steps()));
            }
        }
        Set<List<Integer>> reached = new HashSet<>();
        runs.forEach(run -> reached.add(DistinctSchedules.canonical(run, program.steps())));
        assertThat(reached).isEqualTo(legal);
        assertThat(runs).allMatch(run -> legal(run, program));
    }

    @Test
    void anEngineThatAnswersOtherwiseOnAReplayIsNoticedAndAGraftIsCounted() {
        Program program = Program.of(List.of(List.of(false, false), List.of(false, false)), false);
        ScheduleTree tree = new ScheduleTree();
        runOnce(tree.nextRun(false)::choose, program);
        tree.finished();
        // the replay is offered only T2 at the first step, where T1 and T2 were offered before
        Program otherwise = Program.of(List.of(List.of(), List.of(false, false)), false);
        runOnce(tree.nextRun(false)::choose, otherwise);
        assertThat(tree.diverged()).contains("the statements ready were [u2]");
        tree.retry();
        runOnce(tree.nextRun(true)::choose, otherwise);
        assertThat(tree.diverged()).isNull();
        tree.finished();
        assertThat(tree.grafts()).isEqualTo(1);
    }

    private static boolean legal(List<Integer> order, Program program) {
        int n = program.steps().size();
        int[] next = new int[n];
        int holder = -1;
        for (int who : order) {
            int t = who - 1;
            boolean plain = program.steps().get(t).get(next[t]).plainRead();
            if (!plain) {
                if (holder != -1 && holder != t) {
                    return false;
                }
                holder = t;
            }
            next[t]++;
            if (next[t] == program.steps().get(t).size() && holder == t) {
                holder = -1;
            }
        }
        return true;
    }
}
