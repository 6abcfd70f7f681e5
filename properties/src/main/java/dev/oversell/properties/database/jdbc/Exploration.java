package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Coverage;
import dev.oversell.properties.database.GateError;
import dev.oversell.properties.schedule.ScheduleTree;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Every distinct execution of a plan's calls ({@link ScheduleTree}), each run on fresh tables and judged when it
 * is asked for, so that a test runner can show one test per execution as they are found. A run that the engine
 * did not let replay the choices it was given is run again; the sixth time, what the engine chose becomes the
 * branch, and the executions of the old one not yet run are counted as not reached ({@link #grafts()}), never
 * passed over in silence. A run in which the engine ended a lock wait the gate had not seen is run once more; a
 * second fails with a {@link GateError}. A statement the gate took as waiting for a lock on a guess (H2: it ran long,
 * waiting for no lock H2 named) is counted ({@link #guessedWaits()}): the coverage is then every one the engine let
 * be reached, never every distinct execution. Past {@code limit} executions the exploration stops and says so
 * ({@link #complete()} is false). Once a run shows calls waiting for one another in the JVM (a {@code synchronized}
 * service, an actor's mailbox), which of them got there first was a race the gate did not decide: the
 * exploration starts over with each call's start as a scheduling point ({@link StatementGate#entries}), and runs
 * every order of the points from then on (the code after a statement may take a monitor, so no two steps are taken
 * to commute).
 */
public final class Exploration implements Iterator<JdbcScheduleOutcome> {

    private final StatementScheduleRunner runner;
    private final StatementScheduleRunner.Discovery discovery;
    private final int limit;
    private ScheduleTree tree = new ScheduleTree();
    /** Whether each call's start is a choice too: from the first run in which calls waited in the JVM. */
    private boolean entries;
    private int executions;
    /** Statements taken as waiting for a lock on a guess ({@link SchedulingPoint#guessed}), over the executions run. */
    private int guessedWaits;
    /** Times the engine chose which of several woken statements went on first, over the executions run. */
    private int wokenTogether;
    /** Runs of one execution before the engine's choice is taken as the branch. */
    private static final int REPLAYS = 6;

    Exploration(StatementScheduleRunner runner, StatementScheduleRunner.Discovery discovery, int limit) {
        this.runner = runner;
        this.discovery = discovery;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        return !tree.exhausted() && executions < limit;
    }

    /** Runs the next execution and judges it. */
    @Override
    public JdbcScheduleOutcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            boolean missedBefore = false;
            for (int attempt = 1; ; attempt++) {
                JdbcScheduleOutcome outcome;
                String trouble;
                boolean graft = attempt >= REPLAYS;
                int graftsBefore = tree.grafts();
                try {
                    outcome = runner.runChosen(discovery, tree.nextRun(graft)::choose, entries);
                    trouble = tree.diverged();
                    if (!entries && runner.lastRunWaitedInJvm()) {
                        // which call reaches the monitor or the mailbox first was a race the gate did not decide:
                        // from now on it does, from the first execution on
                        entries = true;
                        tree = new ScheduleTree(false);
                        executions = 0;
                        guessedWaits = 0;
                        wokenTogether = 0;
                        System.out.printf("[gate] %s on %s, %s: calls wait for one another in the JVM (a monitor, an"
                                        + " actor's mailbox: %s); each call's start is a scheduling point from now on,"
                                        + " and the exploration starts over%n", runner.design(), runner.engine().label(),
                                discovery.plan().name(), runner.lastJvmWait());
                        attempt = 0;
                        continue;
                    }
                } catch (GateError.MissedLockWait missed) {
                    if (missedBefore) {
                        throw missed;
                    }
                    missedBefore = true;
                    outcome = null;
                    trouble = "the engine ended a lock wait the gate had not seen";
                }
                if (trouble == null) {
                    tree.finished();
                    executions++;
                    guessedWaits += (int) runner.lastRun().stream().filter(p -> p.guessed()).count();
                    wokenTogether += runner.lastWokenTogether();
                    if (tree.grafts() > graftsBefore) {
                        System.out.printf("[gate] %s on %s, %s, execution %d: the engine chose otherwise %d times; its"
                                + " choice is the branch now, and what was left of the old one is not reached%n",
                                runner.design(), runner.engine().label(), discovery.plan().name(), executions, REPLAYS);
                    }
                    return outcome;
                }
                System.out.printf("[gate] %s on %s, %s, execution %d: %s; running it again%n", runner.design(),
                        runner.engine().label(), discovery.plan().name(), executions + 1, trouble);
                tree.retry();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(runner.design() + " on " + runner.engine().label() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether it ended at its limit with executions left to run (not every distinct execution was run). */
    public boolean stoppedAtLimit() {
        return !tree.exhausted() && executions >= limit;
    }

    /** The most executions it runs. */
    public int limitOfExecutions() {
        return limit;
    }

    /** Executions run and judged so far. */
    public int executions() {
        return executions;
    }

    /** Of those, the ones found equivalent to one run before (every transaction ready to go on was asleep). */
    public int equivalent() {
        return tree.equivalent();
    }

    /** How much of the plan's executions was run, in words, once the exploration has ended. */
    public String coverage() {
        if (!tree.exhausted()) {
            return "stopped at " + limit + ": NOT every execution was run";
        }
        String guessed = guessedWaits == 0 ? "" : guessedWaits + " statements were taken as waiting for a lock the"
                + " engine did not name (they ran past " + dev.oversell.engine.Engine.RUNNING_LONG_MILLIS + " ms), so"
                + " orders in which they returned first may not have run";
        if (wokenTogether > 0) {
            String woken = wokenTogether + " times a statement let go of several waiting for it and the engine chose"
                    + " which went on first (the gate cannot choose that order)";
            guessed = guessed.isEmpty() ? woken : guessed + "; " + woken;
        }
        if (tree.grafts() > 0) {
            return "every one the engine let be reached: " + tree.grafts() + " times it would not repeat a choice of"
                    + " its own (which of two transactions contending for the same row went on: a race inside the"
                    + " engine), and the executions left below its first choice were not run"
                    + (guessed.isEmpty() ? "" : "; " + guessed);
        }
        return guessed.isEmpty() ? "every one" : "every one the engine let be reached: " + guessed;
    }

    /**
     * How much of the plan's executions was run, typed, once the exploration has ended (see {@link #coverage()}):
     * every distinct execution; every one the engine let be reached; or, stopped at its limit, not checked (the
     * setting that raises the limit named).
     */
    public Coverage covered() {
        if (!tree.exhausted()) {
            return new Coverage.NotChecked("stopped at its limit of " + limit + " executions, not every distinct"
                    + " execution was run", "-D" + LIMIT_SETTING + "=" + (limit * 4));
        }
        int distinct = executions - equivalent();
        return tree.grafts() > 0 || guessedWaits > 0 || wokenTogether > 0
                ? new Coverage.EveryReachable(distinct, tree.grafts(), guessedWaits, wokenTogether)
                : new Coverage.Every(distinct);
    }

    /** The setting of the most executions one exploration runs. */
    public static final String LIMIT_SETTING = "oversell.explorationLimit";

    /** The most executions one exploration runs ({@value #LIMIT_SETTING}, 5,000 unless set). */
    public static int limit() {
        return Integer.getInteger(LIMIT_SETTING, 5_000);
    }

    /**
     * Times the engine would not repeat a choice it made before, so that its new choice became the branch and the
     * executions left below the old one were not reached.
     */
    public int grafts() {
        return tree.grafts();
    }

    /** Statements taken as waiting for a lock on a guess over the executions run ({@link SchedulingPoint#guessed}). */
    public int guessedWaits() {
        return guessedWaits;
    }

    /**
     * Whether every distinct execution has been run: false while it goes on, if it stopped at its limit, if
     * the engine's choices left some unreached ({@link #grafts()}), if a lock wait was guessed ({@link #guessedWaits()}),
     * or if the engine chose which of several woken statements went on first.
     */
    public boolean complete() {
        return tree.exhausted() && tree.grafts() == 0 && guessedWaits == 0 && wokenTogether == 0;
    }
}
