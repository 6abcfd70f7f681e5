package dev.oversell.redis.gate;

import dev.oversell.properties.database.GateError;
import dev.oversell.properties.schedule.ScheduleTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a schedule: the buyers' steps, held by their proxies until the chooser releases them one at a time.
 * At each step the gate waits until every buyer has settled (it waits at a step, or its call returned), so that
 * what is offered does not depend on timing; then it asks the {@link ScheduleTree.Chooser} which buyer goes, and
 * releases that buyer's step. A buyer that neither sends a step nor returns within {@link #BOUND_MILLIS} ms fails
 * the run ({@link GateError}), as a statement under the statement gate does.
 *
 * <p>Every field is guarded by this object's monitor: the buyers' proxy threads and the thread that runs the
 * schedule meet only here.
 */
final class CommandGate {

    static final long BOUND_MILLIS = 20_000;

    private enum State { RUNNING, AT_STEP, DONE }

    /** A line of the transcript: who sent what, and what Redis answered. */
    record Line(int buyer, String typed, String answer, boolean step) {
    }

    private final State[] states;
    private final CommandPoint[] waiting;
    private final CommandPoint[] released;
    private final List<Line> transcript = new ArrayList<>();
    private final List<CommandPoint> taken = new ArrayList<>();
    private String failure;

    private final String prefix;

    /** A run of {@code buyers} on the store whose keys begin with {@code prefix}. */
    CommandGate(int buyers, String prefix) {
        this.prefix = prefix;
        states = new State[buyers];
        Arrays.fill(states, State.RUNNING);
        waiting = new CommandPoint[buyers];
        released = new CommandPoint[buyers];
    }

    /**
     * {@code footprint} with the run's key prefix replaced by a stable one: each run has a store of its own, and a
     * replay must see the same steps as the run it replays.
     */
    CommandFootprint stable(CommandFootprint footprint) {
        if (footprint.keys() == null) {
            return footprint;
        }
        return new CommandFootprint(footprint.readOnly(), footprint.keys().stream()
                .map(k -> k.replace(prefix, RedisScript.REPLAY_PREFIX)).collect(java.util.stream.Collectors.toSet()));
    }

    /** Called by a buyer's proxy: holds {@code point} until the chooser releases it. */
    synchronized void await(CommandPoint point) throws InterruptedException {
        int b = point.buyer;
        waiting[b] = point;
        states[b] = State.AT_STEP;
        notifyAll();
        while (released[b] != point) {
            if (failure != null) {
                throw new GateError("the schedule failed while " + point + " waited: " + failure);
            }
            wait();
        }
    }

    /** Called by a buyer's proxy once Redis answered a command it passed on (a step or not). */
    synchronized void answered(int buyer, String typed, String answer, boolean step) {
        transcript.add(new Line(buyer, typed, answer, step));
    }

    /** Called when a buyer's call has returned (or thrown). */
    synchronized void returned(int buyer) {
        states[buyer] = State.DONE;
        notifyAll();
    }

    /** Fails the run: every held step is let go with a {@link GateError}. */
    synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        notifyAll();
    }

    /** Runs the schedule to its end, asking {@code chooser} at every step; returns the steps taken, in order. */
    synchronized List<CommandPoint> run(ScheduleTree.Chooser chooser) throws InterruptedException {
        while (true) {
            long deadline = System.currentTimeMillis() + BOUND_MILLIS;
            while (failure == null && Arrays.asList(states).contains(State.RUNNING)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    fail("a buyer neither sent a command nor returned within " + BOUND_MILLIS + " ms (buyers: "
                            + Arrays.toString(states) + ")");
                    break;
                }
                wait(left);
            }
            if (failure != null) {
                throw new GateError(failure);
            }
            List<Integer> ready = new ArrayList<>();
            List<CommandPoint> next = new ArrayList<>();
            for (int b = 0; b < states.length; b++) {
                if (states[b] == State.AT_STEP) {
                    ready.add(b);
                    next.add(waiting[b]);
                }
            }
            if (ready.isEmpty()) {
                return List.copyOf(taken);
            }
            int pick = chooser.choose(ready, next);
            CommandPoint point = waiting[pick];
            waiting[pick] = null;
            states[pick] = State.RUNNING;
            released[pick] = point;
            taken.add(point);
            notifyAll();
        }
    }

    synchronized List<Line> transcript() {
        return List.copyOf(transcript);
    }
}
