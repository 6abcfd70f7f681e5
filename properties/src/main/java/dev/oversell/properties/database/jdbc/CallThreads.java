package dev.oversell.properties.database.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run one schedule's calls, one fresh daemon thread per call (a call's thread carries its
 * transaction for the {@link SchedulingDataSource}, and nothing of one schedule is left on a thread the next one
 * uses), and their end: the part of the {@link StatementGate} that starts the calls, records what each returned or
 * threw, and cleans up after them whatever the outcome. Every field of a {@link ScheduledTransaction} it writes is
 * written under the gate's monitor, which it notifies when a call ends.
 */
final class CallThreads {

    /** How long stopping a schedule waits for its calls to end before it aborts their connections. */
    private static final long STOP_MILLIS = 3_000;
    /** How long stopping waits before it interrupts the calls still running. */
    private static final long INTERRUPT_MILLIS = 1_000;

    private final StatementGate gate;
    private final SchedulingDataSource dataSource;
    private final List<ScheduledTransaction> transactions;
    private final List<Thread> threads = new ArrayList<>();

    CallThreads(StatementGate gate, SchedulingDataSource dataSource, List<ScheduledTransaction> transactions) {
        this.gate = gate;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Starts call {@code i} of {@code calls} as transaction {@code i}, each on a thread of its own. */
    void start(List<StatementGate.Call> calls) {
        for (int i = 0; i < calls.size(); i++) {
            ScheduledTransaction transaction = transactions.get(i);
            StatementGate.Call call = calls.get(i);
            Thread thread = new Thread(() -> run(transaction, call), "oversell-jdbc-" + transaction.name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** The threads, in the order of the calls (read by {@link JvmWaits}). */
    List<Thread> threads() {
        return threads;
    }

    private void run(ScheduledTransaction transaction, StatementGate.Call call) {
        Object answer = null;
        Throwable thrown = null;
        dataSource.bind(transaction);
        try {
            if (gate.entries()) {
                transaction.point(SchedulingPoint.ENTER, "-- " + transaction.name + "'s call starts", -1, Footprint.ENTRY,
                        () -> new ScheduledTransaction.Sent<>(null, null));
            }
            answer = call.run();
        } catch (Throwable e) {
            thrown = e;
        } finally {
            dataSource.unbind();
            synchronized (gate) {
                transaction.finish(answer, thrown);
                gate.notifyAll();
            }
        }
    }

    /**
     * Ends the calls, once the gate has stopped letting points through: the connections of every call that has
     * returned are rolled back and closed as soon as it returns (they may hold the locks the others wait for);
     * calls still running after {@value #INTERRUPT_MILLIS} ms are interrupted, and after {@value #STOP_MILLIS} ms
     * their connections are aborted. Returns what could not be cleaned up.
     */
    List<String> end() throws InterruptedException {
        long start = System.nanoTime();
        boolean interrupted = false;
        List<String> problems = new ArrayList<>();
        while (true) {
            for (ScheduledTransaction t : transactions) {
                boolean finished;
                synchronized (gate) {
                    finished = t.finished();
                }
                if (finished) {
                    close(t, false, problems);
                }
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (threads.stream().noneMatch(Thread::isAlive) || elapsedMillis > STOP_MILLIS) {
                break;
            }
            if (!interrupted && elapsedMillis > INTERRUPT_MILLIS) {
                threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
                interrupted = true;
            }
            Thread alive = threads.stream().filter(Thread::isAlive).findFirst().orElse(null);
            if (alive != null) {
                alive.join(10); // returns as soon as it ends: a call that has returned ends at once
            }
        }
        // every call again, not only those seen finished above: a thread may end between that look and this one
        for (int i = 0; i < transactions.size(); i++) {
            boolean alive = threads.get(i).isAlive();
            close(transactions.get(i), alive, problems);
            if (alive) {
                problems.add(transactions.get(i).name + "'s thread did not end when interrupted; its connections"
                        + " were aborted");
            }
        }
        return problems;
    }

    private void close(ScheduledTransaction t, boolean abort, List<String> problems) {
        List<SchedulingDataSource.Session> sessions;
        synchronized (gate) {
            sessions = List.copyOf(t.sessions());
        }
        for (SchedulingDataSource.Session s : sessions) {
            if (s.closed()) {
                continue;
            }
            try {
                if (abort) {
                    s.connection.abort(Runnable::run);
                } else if (!s.connection.getAutoCommit()) {
                    s.connection.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                problems.add(t.name + "'s connection could not be rolled back (" + e.getMessage() + "); it was aborted,"
                        + " so that no pool hands it out with a transaction open");
                try {
                    s.connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException ignored) {
                    // reported above
                }
            }
            try {
                s.connection.close();
            } catch (SQLException | RuntimeException e) {
                problems.add(t.name + "'s connection could not be closed: " + e.getMessage());
            }
            s.closedByTheGate();
        }
    }
}
