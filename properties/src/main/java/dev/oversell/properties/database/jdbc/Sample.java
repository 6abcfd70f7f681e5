package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Coverage;
import dev.oversell.properties.database.GateError;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * Executions of a plan's calls drawn at random from a printed seed, for plans with too many to run every one:
 * each walk goes through the same {@link StatementGate} as {@link Exploration}, and at each step one of the
 * transactions ready to go on (not waiting for a lock, not waiting in the JVM) is drawn. Every walk is judged;
 * walks equivalent to one drawn before (the same trace: statements that commute swapped, {@link DistinctSchedules})
 * are not counted again, and the sample walks until {@code limit} distinct executions are drawn, or
 * {@value #WALKS_PER_EXECUTION} walks per execution asked for have been made, and says which ({@link #coverage()}).
 * As in an exploration, a run in which the engine ended a lock wait the gate had not seen is run once more, and
 * once calls wait for one another in the JVM each call's start is drawn too, from the start, and no two points are
 * taken to commute.
 */
public final class Sample implements Iterator<JdbcScheduleOutcome> {

    /** Walks per execution asked for, before the sample settles for fewer. */
    static final int WALKS_PER_EXECUTION = 3;

    private final StatementScheduleRunner runner;
    private final StatementScheduleRunner.Discovery discovery;
    private final long seed;
    private final int limit;
    private Random random;
    private final Set<String> seen = new HashSet<>();
    private boolean entries;
    private int walks;
    private JdbcScheduleOutcome drawn;

    Sample(StatementScheduleRunner runner, StatementScheduleRunner.Discovery discovery, long seed, int limit) {
        this.runner = runner;
        this.discovery = discovery;
        this.seed = seed;
        this.limit = limit;
        this.random = new Random(seed);
    }

    @Override
    public boolean hasNext() {
        if (drawn == null && seen.size() < limit && walks < limit * WALKS_PER_EXECUTION) {
            drawn = walk();
        }
        return drawn != null;
    }

    @Override
    public JdbcScheduleOutcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JdbcScheduleOutcome next = drawn;
        drawn = null;
        return next;
    }

    /** One walk, judged; counted as distinct if its trace was not drawn before. */
    private JdbcScheduleOutcome walk() {
        try {
            for (boolean missedBefore = false; ; ) {
                walks++;
                JdbcScheduleOutcome outcome;
                try {
                    outcome = runner.runChosen(discovery, (ready, next) -> ready.get(random.nextInt(ready.size())),
                            entries);
                } catch (GateError.MissedLockWait missed) {
                    if (missedBefore) {
                        throw missed;
                    }
                    missedBefore = true;
                    System.out.printf("[gate] %s on %s, %s: the engine ended a lock wait the gate had not seen;"
                            + " running the walk again%n", runner.design(), runner.engine().label(), discovery.plan().name());
                    continue;
                }
                if (!entries && runner.lastRunWaitedInJvm()) {
                    // which call reaches the monitor or the mailbox first was not drawn: from now on it is
                    System.out.printf("[gate] %s on %s, %s: calls wait for one another in the JVM (%s); each call's"
                            + " start is drawn too from now on, and the sample starts over%n", runner.design(),
                            runner.engine().label(), discovery.plan().name(), runner.lastJvmWait());
                    entries = true;
                    seen.clear();
                    walks = 0;
                    random = new Random(seed);
                    continue;
                }
                seen.add(trace(runner.lastRun(), entries));
                return outcome;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(runner.design() + " on " + runner.engine().label() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The execution's trace: its points in the least order equivalent to the one they ran in (with {@code inJvm},
     * once calls waited for one another in the JVM, the order they ran in). A point that blocked on a lock
     * commutes with nothing.
     */
    static String trace(List<SchedulingPoint> ran, boolean inJvm) {
        if (inJvm) {
            return ran.stream().map(SchedulingPoint::label).collect(java.util.stream.Collectors.joining(" "));
        }
        List<List<Footprint>> footprints = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        for (SchedulingPoint point : ran) {
            int t = point.transaction.number;
            while (footprints.size() < t) {
                footprints.add(new ArrayList<>());
                labels.add(new ArrayList<>());
            }
            footprints.get(t - 1).add(point.blocked() ? Footprint.END : point.footprint);
            labels.get(t - 1).add(point.label());
            who.add(t);
        }
        int[] next = new int[labels.size()];
        StringBuilder trace = new StringBuilder();
        for (int t : DistinctSchedules.canonical(who, footprints)) {
            trace.append(labels.get(t - 1).get(next[t - 1]++)).append(' ');
        }
        return trace.toString().strip();
    }

    /** Walks made so far, each judged. */
    public int walks() {
        return walks;
    }

    /** Distinct executions among them. */
    public int distinct() {
        return seen.size();
    }

    /** How much was drawn, typed, once the sample has ended: distinct executions of about {@code interleavings}. */
    public Coverage covered(long interleavings) {
        if (seen.isEmpty()) {
            return new Coverage.NotChecked("no execution was drawn", "-Doversell.scheduleSeed");
        }
        return new Coverage.Sampled(seen.size(), interleavings, "distinct executions drawn (" + walks + " walks)", seed);
    }

    /** How much was drawn, in words, once the sample has ended. */
    public String coverage() {
        return seen.size() + " distinct executions in " + walks + " random walks with seed " + seed
                + (seen.size() < limit ? " (fewer than the " + limit + " asked for: the walks kept finding the same ones)"
                : "");
    }
}
