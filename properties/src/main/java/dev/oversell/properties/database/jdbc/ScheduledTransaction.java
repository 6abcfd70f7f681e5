package dev.oversell.properties.database.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One purchase call of a schedule (T1, T2, ...), seen from its own thread: each statement, commit or rollback
 * it sends through the {@link SchedulingDataSource} first waits here until the {@link StatementGate} gives it
 * the turn, and the gate hears when it returned. The call never learns it was scheduled; if the gate stops the
 * schedule, the waiting statement fails with an {@link SQLException} saying so.
 *
 * <p>What changes is private, changed by the methods below under the gate's monitor (asserted) and read under it
 * while the schedule runs: by the call's thread ({@link #point}), by the gate ({@link #permit}, {@link #returned})
 * and by {@link CallThreads} ({@link #finish}).
 */
final class ScheduledTransaction {

    /** What a connection sends at a point, and how the transcript words the answer. */
    @FunctionalInterface
    interface Send<T> {
        Sent<T> send() throws SQLException;
    }

    /** What a point returned to the code, and the answer as the transcript prints it (null: nothing to say). */
    record Sent<T>(T value, String answer) {
    }

    final int number;
    final String name;
    private final StatementGate gate;

    /** The point that waits for its turn; null once granted, or while the call runs its own code. */
    private SchedulingPoint waiting;
    private boolean permitted;
    /** The point granted and not yet returned (it may wait for a lock in the engine). */
    private SchedulingPoint sending;
    /** The point that returned last. */
    private SchedulingPoint last;
    private boolean finished;
    private final List<String> settings = new ArrayList<>();
    private final List<SchedulingDataSource.Session> sessions = new ArrayList<>();
    /** Threads doing work this call handed over (an actor handling its message), now. */
    private final java.util.Set<Thread> workers = new java.util.HashSet<>();
    /** The call's answer, once finished without throwing. */
    private Object answer;
    /** What the call threw, if it did. */
    private Throwable thrown;
    /** Work handed over by this call whose thread has not started it yet (a message queued, a task submitted). */
    private int handOvers;

    ScheduledTransaction(int number, StatementGate gate) {
        this.number = number;
        this.name = "T" + number;
        this.gate = gate;
    }

    /** Waits for this transaction's turn, sends, and tells the gate what came back. */
    <T> T point(String verb, String text, long session, Footprint footprint, Send<T> send) throws SQLException {
        SchedulingPoint point;
        synchronized (gate) {
            point = new SchedulingPoint(this, verb, text, session, settings, footprint);
            settings.clear();
            if (gate.stopped()) {
                throw stopped(point);
            }
            waiting = point;
            gate.notifyAll();
            try {
                while (!permitted && !gate.stopped()) {
                    gate.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                waiting = null;
                throw new SQLException("interrupted while waiting for its turn to send " + text, e);
            }
            if (!permitted) {
                waiting = null;
                throw stopped(point);
            }
            permitted = false;
            sending = point;
        }
        if (point.quickDeadlockCheck()) {
            gate.checkDeadlocksQuickly(point);
        }
        try {
            Sent<T> sent = send.send();
            gate.returned(point, sent.answer(), null);
            return sent.value();
        } catch (SQLException | RuntimeException | Error e) {
            gate.returned(point, null, e);
            throw e;
        }
    }

    /** This call hands work over: its context was captured to go with it. */
    void handingOver() {
        synchronized (gate) {
            handOvers++;
        }
    }

    /** {@code thread} starts ({@code working}) or ends work handed over by this call. */
    void worker(Thread thread, boolean working) {
        synchronized (gate) {
            if (working) {
                handOvers = Math.max(0, handOvers - 1);
                workers.add(thread);
                gate.worked(thread);
            } else {
                workers.remove(thread);
            }
            gate.notifyAll();
        }
    }

    void opened(SchedulingDataSource.Session session) {
        synchronized (gate) {
            sessions.add(session);
        }
    }

    /** Records a session setting (not a scheduling point), printed before the next point. */
    void setting(String sql) {
        synchronized (gate) {
            settings.add(sql);
        }
    }

    /** Whether the caller holds the gate's monitor, which guards this call's state and its points'. */
    boolean guardedByGate() {
        return Thread.holdsLock(gate);
    }

    SchedulingPoint waiting() {
        return waiting;
    }

    SchedulingPoint sending() {
        return sending;
    }

    SchedulingPoint last() {
        return last;
    }

    boolean finished() {
        return finished;
    }

    Object answer() {
        return answer;
    }

    Throwable thrown() {
        return thrown;
    }

    int handOvers() {
        return handOvers;
    }

    /** The threads doing work this call handed over, now. */
    java.util.Set<Thread> workers() {
        return java.util.Collections.unmodifiableSet(workers);
    }

    /** The sessions this call opened, in order. */
    List<SchedulingDataSource.Session> sessions() {
        return java.util.Collections.unmodifiableList(sessions);
    }

    /** The gate gives the waiting point its turn: the call's thread sends it. Returns that point. */
    SchedulingPoint permit() {
        assert guardedByGate();
        SchedulingPoint point = waiting;
        waiting = null;
        permitted = true;
        return point;
    }

    /** {@code point}, which this call sent, returned (or failed). */
    void returned(SchedulingPoint point) {
        assert guardedByGate();
        sending = null;
        last = point;
    }

    /** The call returned {@code answer} or threw {@code thrown}. */
    void finish(Object answer, Throwable thrown) {
        assert guardedByGate();
        this.answer = answer;
        this.thrown = thrown;
        this.finished = true;
    }

    private static SQLException stopped(SchedulingPoint point) {
        return new SQLException("Oversell stopped this schedule before " + point + " was sent");
    }
}
