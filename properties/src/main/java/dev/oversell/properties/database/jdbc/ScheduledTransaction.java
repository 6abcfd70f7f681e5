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
 * <p>Fields are guarded by the gate.
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

    SchedulingPoint waiting;
    boolean permitted;
    SchedulingPoint sending;
    SchedulingPoint last;
    boolean finished;
    final List<String> settings = new ArrayList<>();
    final List<SchedulingDataSource.Session> sessions = new ArrayList<>();
    /** Threads doing work this call handed over (an actor handling its message), now. */
    final java.util.Set<Thread> workers = new java.util.HashSet<>();
    /** The call's answer, once finished without throwing. */
    Object answer;
    /** What the call threw, if it did. */
    Throwable thrown;

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
            if (gate.stopped) {
                throw stopped(point);
            }
            waiting = point;
            gate.notifyAll();
            try {
                while (!permitted && !gate.stopped) {
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
        if (point.quickDeadlockCheck) {
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

    /** Work handed over by this call whose thread has not started it yet (a message queued, a task submitted). */
    int handOvers;

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
                gate.workers.add(thread);
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

    private static SQLException stopped(SchedulingPoint point) {
        return new SQLException("Oversell stopped this schedule before " + point + " was sent");
    }
}
