package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Coverage;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Every distinct execution of a plan if there are no more than the exploration's limit, else, once the limit is
 * reached, executions drawn at random from a printed seed: for plans whose size is only known as they run (three
 * buyers of a design that retries send many more statements under contention than alone). Its coverage says which
 * it was: every distinct execution, or bounded (the executions explored up to the limit, then the ones drawn), never
 * "every" for a search that stopped.
 */
public final class ExplorationThenSample implements Iterator<JdbcScheduleOutcome> {

    private final Exploration exploration;
    private final Supplier<Sample> drawn;
    private final long seed;
    private Sample sample;

    public ExplorationThenSample(Exploration exploration, Supplier<Sample> drawn, long seed) {
        this.exploration = exploration;
        this.drawn = drawn;
        this.seed = seed;
    }

    @Override
    public boolean hasNext() {
        if (sample == null) {
            if (exploration.hasNext()) {
                return true;
            }
            if (!exploration.stoppedAtLimit()) {
                return false;
            }
            sample = drawn.get();
        }
        return sample.hasNext();
    }

    @Override
    public JdbcScheduleOutcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return sample == null ? exploration.next() : sample.next();
    }

    /** Runs made so far, explored and drawn. */
    public int runs() {
        return exploration.executions() + (sample == null ? 0 : sample.walks());
    }

    /** Whether it went on to draw executions at random (the exploration stopped at its limit). */
    public boolean sampled() {
        return sample != null;
    }

    /** How much of the plan was run, once it has ended: of about {@code interleavings}. */
    public Coverage covered(long interleavings) {
        if (sample == null) {
            return exploration.covered();
        }
        int explored = exploration.executions() - exploration.equivalent();
        return new Coverage.Bounded(explored + sample.distinct(), interleavings, "every distinct execution up to the"
                + " exploration limit of " + exploration.limitOfExecutions() + " (-D" + Exploration.LIMIT_SETTING
                + "), then " + sample.distinct() + " drawn at random with seed " + seed);
    }
}
