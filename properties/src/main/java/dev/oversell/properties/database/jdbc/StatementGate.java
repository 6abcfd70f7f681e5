package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.GateError;
import dev.oversell.properties.database.LockProbe;
import dev.oversell.engine.Engine;

import java.lang.management.ThreadInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The statement gate: runs one schedule of purchase calls, each on its own thread over the
 * {@link SchedulingDataSource}, letting their statements through one at a time. Once every call has settled (each
 * waits for its turn, waits for a lock in the engine, waits in the JVM for another call, or has returned), a
 * {@link Chooser} picks which of the transactions ready to send goes next: {@link dev.oversell.properties.schedule.ScheduleTree} to walk every
 * distinct execution, {@link Sample} to draw some at random, the lowest one for a call run alone. After letting a
 * statement through, the gate waits until it returned or the engine reports its session waiting for a lock (asked
 * on the {@code monitor} connection through the {@link LockProbe}; never a sleep of a fixed length), as a person
 * running a Hermitage test in several terminals would do. A lock the engine says a session outside the schedule
 * holds is a {@link GateError}; on H2, a statement that has merely run long, waiting for no lock H2 names, is taken
 * as waiting on a guess, recorded on its point ({@link SchedulingPoint#guessed}) for the coverage to say. The code decides what it sends: {@link #ran} is what
 * actually happened. When every call waits for a lock, nothing is ready and the gate waits for the engine to break
 * the cycle; the victim's refusal is followed like a grant ({@link #brokeADeadlock}). Whenever a statement seen
 * waiting for a lock returns, every statement still seen waiting is asked about again before the next choice: the
 * engine may have broken a deadlock by itself, and which of the victim's failure and the others' return reaches
 * the gate first is a race of their threads. A deadlock's victim counts as having waited for a lock, seen waiting
 * or not.
 *
 * <p>PostgreSQL looks for a cycle once per wait, {@code deadlock_timeout} after it begins (1 s by default); so a
 * statement granted while another call waits for a lock, in a transaction already open, is sent after
 * {@code SET LOCAL deadlock_timeout = '1ms'} where the user may set it ({@link #quickDeadlockChecks}): if it closes
 * a cycle, it is the victim a millisecond later, instead of the first waiter a second later. Both are PostgreSQL's
 * behaviour (the first when the cycle closes within the first waiter's {@code deadlock_timeout}, the second when it
 * closes after); the gate runs the second, and the script prints the {@code SET LOCAL} where it was sent.
 *
 * <p>The gate never fails open: a lock timeout inside a schedule (a lock wait the gate missed), a statement that
 * neither returns nor blocks, code that neither sends its next statement nor returns, all within the bound, or a
 * call that returns with its transaction open while another waits for its locks, is a {@link GateError} naming
 * the statement. Whatever the outcome, the calls' threads are stopped and their connections rolled back and closed.
 *
 * <p>This class is the scheduling loop and the state it keeps under its monitor; its parts are apart:
 * {@link CallThreads} runs the calls and cleans up after them, {@link LockWaits} asks the engine whether a statement
 * waits for a lock, {@link JvmWaits} tells a call that waits in the JVM for another from one at work, and
 * {@link ScheduleScript} writes down what was sent and answered.
 */
final class StatementGate {

    /** One call of the design's code (a purchase, a restock); its answer. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    private enum State { AT_POINT, BLOCKED, WAITING_IN_JVM, FINISHED }

    private final SchedulingDataSource dataSource;
    private final Engine engine;
    private final LockWaits lockWaits;
    private final Duration bound;
    private final long boundNanos;
    private final ScheduleScript script = new ScheduleScript();
    private final List<ScheduledTransaction> transactions = new ArrayList<>();
    /** The points let through, in order. Guarded by this. */
    private final List<SchedulingPoint> ran = new ArrayList<>();
    /** Guarded by this. */
    private boolean stopped;
    /**
     * Whether each call's start is a scheduling point too ({@link SchedulingPoint#ENTER}): needed once calls wait
     * for one another in the JVM, where which of them reaches a monitor or a mailbox first is otherwise a race.
     */
    private boolean entries;
    /** Whether some call was seen waiting in the JVM for another (see {@link #quiescent()}). Guarded by this. */
    private boolean sawJvmWait;
    /** Where the first call seen waiting in the JVM waited (its thread's state, lock and code). Guarded by this. */
    private String jvmWait;
    private String lockTimeout;
    /**
     * A point the engine refused while it waited for a lock, to break a deadlock, on its own (PostgreSQL looks for
     * a deadlock a second after a wait begins): the statements it let go of are followed before the gate goes on, as
     * after a grant. Guarded by this.
     */
    private SchedulingPoint refusedWhileWaiting;
    /** A statement seen waiting for a lock has returned since the gate last followed them all. Guarded by this. */
    private boolean blockedReturned;
    /**
     * Whether a statement granted while another call waits for a lock is sent after the engine's quick deadlock
     * check ({@link Engine#quickDeadlockCheckStatement()}): PostgreSQL, where the user may set it.
     */
    private boolean quickDeadlockChecks;
    /** A thread that works for no call took a connection during this schedule ({@link SchedulingDataSource}). */
    private String offSchedule;
    /** The threads running this schedule's calls; null until {@link #run} starts them. */
    private CallThreads calls;
    /** Every thread that did work a call handed over (an actor handling its message). Guarded by this. */
    private final Set<Thread> workers = new HashSet<>();

    StatementGate(SchedulingDataSource dataSource, Engine engine, LockProbe probe, Duration bound) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.lockWaits = new LockWaits(this, engine, probe);
        this.bound = bound;
        this.boundNanos = bound.toNanos();
    }

    /** Which of the transactions ready to send goes next. */
    @FunctionalInterface
    interface Chooser {
        /**
         * {@code ready}: the transactions (indexes into the schedule's calls, lowest first) whose next point waits
         * for its turn, every other one blocked on a lock, waiting in the JVM for another call, or returned;
         * {@code next}: those points. Returns one of {@code ready}.
         */
        int choose(List<Integer> ready, List<SchedulingPoint> next);
    }

    /**
     * Runs {@code calls} (T1, T2, ...), asking {@code chooser} at every step which of the transactions ready to
     * send goes next; it is asked only once every call has settled (each waits for its turn, waits for a lock, or
     * has returned), so that what it is offered does not depend on timing. Returns when every call has returned.
     */
    void run(List<Call> calls, Chooser chooser, Connection monitor) throws SQLException, InterruptedException {
        run(1, calls, chooser, monitor);
    }

    /** As {@link #run(List, Chooser, Connection)}, the calls numbered from {@code firstNumber}. */
    void run(int firstNumber, List<Call> calls, Chooser chooser, Connection monitor)
            throws SQLException, InterruptedException {
        for (int i = 0; i < calls.size(); i++) {
            transactions.add(new ScheduledTransaction(firstNumber + i, this));
        }
        dataSource.running(this);
        try {
            runCalls(calls, chooser, monitor);
        } finally {
            dataSource.running(null);
        }
        synchronized (this) {
            failOffSchedule();
        }
    }

    private void runCalls(List<Call> calls, Chooser chooser, Connection monitor)
            throws SQLException, InterruptedException {
        this.calls = new CallThreads(this, dataSource, transactions);
        this.calls.start(calls);
        try {
            choose(chooser, monitor);
        } catch (Throwable failed) {
            List<String> leftovers = stop();
            if (!leftovers.isEmpty()) {
                failed.addSuppressed(new GateError("and the schedule's clean-up failed: " + leftovers));
            }
            throw failed;
        }
        List<String> leftovers = stop();
        if (!leftovers.isEmpty()) {
            throw new GateError("the schedule ran, but its clean-up did not: " + leftovers);
        }
    }

    /** Lets the chooser pick the next point among the ready transactions, step by step, until every call returned. */
    private void choose(Chooser chooser, Connection monitor) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + boundNanos;
        while (true) {
            boolean follow;
            synchronized (this) {
                follow = refusedWhileWaiting != null || blockedReturned;
                refusedWhileWaiting = null;
                blockedReturned = false;
            }
            if (follow) {
                // a statement seen waiting for a lock returned, or was refused: the engine may have broken a
                // deadlock by itself. What the victim's locks held back returns, and the victim's own failure
                // arrives, before the gate offers the next choice (the point it granted last included), so that
                // what it offers does not depend on which of their threads the gate heard from first
                followUnblocked(null, monitor);
                continue;
            }
            for (ScheduledTransaction transaction : transactions) {
                awaitSettled(transaction);
            }
            List<Integer> ready = new ArrayList<>();
            List<SchedulingPoint> next = new ArrayList<>();
            synchronized (this) {
                failOnLockTimeout();
                failOffSchedule();
                if (refusedWhileWaiting != null) {
                    continue; // a deadlock broken since the look above: follow what it let go of first
                }
                if (allReturned()) {
                    return;
                }
                boolean settled = true;
                for (int i = 0; i < transactions.size(); i++) {
                    ScheduledTransaction t = transactions.get(i);
                    if (t.waiting() != null) {
                        ready.add(i);
                        next.add(t.waiting());
                    } else if (!t.finished() && (t.sending() == null || !t.sending().blocked())) {
                        if (t.sending() == null && quiescent()) {
                            sawJvmWait(t, i); // waits in the JVM for another call
                        } else {
                            settled = false; // a lock wait ended on its own (the engine broke a deadlock): look again
                        }
                    }
                }
                if (!settled || ready.isEmpty()) {
                    if (settled) {
                        List<String> open = openTransactions();
                        if (!open.isEmpty()) {
                            throw new GateError(states() + ", and " + String.join("; ", open)
                                    + ": nothing can move (a purchase that never commits). Script:\n" + script.render());
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        for (ScheduledTransaction t : transactions) {
                            if (!t.finished() && t.waiting() == null && t.sending() == null) {
                                throw new GateError(hung(t) + "; " + states() + "; script so far:\n" + script.render());
                            }
                        }
                        throw new GateError("no transaction could go on within " + bound.toMillis() + " ms: "
                                + states() + "; script so far:\n" + script.render());
                    }
                    wait(2); // every call waits for a lock: the engine ends a deadlock by aborting one of them
                    continue;
                }
            }
            int pick = chooser.choose(List.copyOf(ready), List.copyOf(next));
            if (!ready.contains(pick)) {
                throw new IllegalStateException("the chooser picked T" + (pick + 1) + ", which is not ready: " + ready);
            }
            grant(transactions.get(pick), monitor);
            deadline = System.nanoTime() + boundNanos;
        }
    }

    /**
     * Waits until the transaction asks for its turn, has returned, is blocked on a lock in the engine, or waits in
     * the JVM for another call (a monitor it holds, an actor busy with its message: see {@link #quiescent()}).
     */
    private synchronized State awaitSettled(ScheduledTransaction transaction) throws InterruptedException {
        long deadline = System.nanoTime() + boundNanos;
        while (true) {
            if (transaction.waiting() != null) {
                return State.AT_POINT;
            }
            if (transaction.finished()) {
                return State.FINISHED;
            }
            if (transaction.sending() != null && transaction.sending().blocked()) {
                return State.BLOCKED;
            }
            if (transaction.sending() == null && quiescent()) {
                sawJvmWait(transaction, transactions.indexOf(transaction));
                return State.WAITING_IN_JVM;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new GateError(hung(transaction) + "; script so far:\n" + script.render());
            }
            // a point or a return notifies; a wait in the JVM does not, so look again every 2 ms
            wait(Math.max(1, Math.min(2, TimeUnit.NANOSECONDS.toMillis(left))));
        }
    }

    /**
     * Whether nothing of the schedule runs on its own now ({@link JvmWaits#quiet}), seen so twice, the same way,
     * at least {@value #QUIET_CONFIRM_MILLIS} ms apart since the last grant: a thread passing through a wait of a
     * moment (loading a class, handing a lock over) between two statements looks, once, like a call waiting for
     * another, and taking it so would decide the plan's exploration on timing. A wait for another call lasts until
     * the gate lets that call go on. Guarded by this.
     */
    private boolean quiescent() {
        String now = JvmWaits.quietState(this, transactions, calls.threads(), workers);
        long at = System.nanoTime();
        if (now == null || !now.equals(quietSeen)) {
            quietSeen = now;
            quietSince = at;
            return false;
        }
        return at - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_CONFIRM_MILLIS);
    }

    /** How long a quiet must last, seen the same way twice, to count ({@link #quiescent()}). */
    private static final long QUIET_CONFIRM_MILLIS = 2;
    /** The quiet seen last, and since when, since the last grant ({@link #quiescent()}). Guarded by this. */
    private String quietSeen;
    private long quietSince;

    private void grant(ScheduledTransaction transaction, Connection monitor) throws SQLException, InterruptedException {
        SchedulingPoint point;
        synchronized (this) {
            point = transaction.permit();
            quietSeen = null;
            if (quickDeadlockChecks && waitsForLocks(point) && midTransaction(point) && transactions.stream()
                    .anyMatch(t -> t != transaction && t.sending() != null && t.sending().blocked())) {
                point.checkDeadlocksQuickly(engine.quickDeadlockCheckStatement());
            }
            ran.add(point);
            script.sent(point);
            notifyAll();
        }
        settle(point, monitor);
        boolean releasedNothing;
        synchronized (this) {
            releasedNothing = point.footprint.plainRead() && point.done() && point.failure() == null;
        }
        if (!releasedNothing) { // a plain read that returned held no lock and let go of none
            followUnblocked(point, monitor);
        }
        synchronized (this) {
            failOnLockTimeout();
        }
    }

    /** Whether {@code point} is a statement, which may wait for a lock: not a call's start, a commit or a rollback. */
    private static boolean waitsForLocks(SchedulingPoint point) {
        return !point.entry() && !point.verb.equals("commit") && !point.verb.equals("rollback");
    }

    /** Whether {@code point} is sent in a transaction already open on its session. Guarded by this. */
    private static boolean midTransaction(SchedulingPoint point) {
        return point.transaction.sessions().stream()
                .anyMatch(s -> s.id == point.session && !s.closed() && s.midTransaction());
    }

    /**
     * On the call's thread, after its turn came and before it sends {@code point}: the engine's quick deadlock check
     * on the point's session. Should the engine refuse it, the schedule fails as a gate error (the transaction it was
     * sent in is no longer the design's own).
     */
    void checkDeadlocksQuickly(SchedulingPoint point) {
        SchedulingDataSource.Session session;
        synchronized (this) {
            session = point.transaction.sessions().stream().filter(s -> s.id == point.session).findFirst()
                    .orElse(null);
        }
        try {
            session.checkDeadlocksQuickly();
        } catch (SQLException e) {
            if (!"25P02".equals(e.getSQLState())) {
                // in a transaction an earlier error aborted, the design's own statement fails the same way: nothing
                // was changed; any other refusal is the gate's
                offSchedule(engine.quickDeadlockCheckStatement() + " before " + point + " failed (" + e.getMessage() + ")");
            }
        } catch (RuntimeException e) {
            offSchedule(engine.quickDeadlockCheckStatement() + " before " + point + " failed (" + e.getMessage() + ")");
        }
    }

    /** Waits until the point returned or its session waits for a lock. */
    private void settle(SchedulingPoint point, Connection monitor) throws SQLException, InterruptedException {
        long since = System.nanoTime();
        long deadline = since + boundNanos;
        while (true) {
            synchronized (this) {
                if (point.done()) {
                    return;
                }
                wait(2);
                if (point.done()) {
                    return;
                }
            }
            LockWaits.Wait wait = lockWaits.of(point, monitor, since);
            if (wait != LockWaits.Wait.NONE) {
                synchronized (this) {
                    if (!point.done()) {
                        point.seenWaiting(wait == LockWaits.Wait.GUESSED);
                    }
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new GateError(point + " neither returned nor waited for a lock within " + bound.toMillis()
                        + " ms; script so far:\n" + script.render());
            }
        }
    }

    /**
     * After a point returned, a statement it let go of (a lock it released) returns before the gate goes on,
     * so that the script shows it where it happened; one still waiting for a lock stays blocked. Until nothing
     * changes: a statement that returns may itself let go of another (PostgreSQL wakes every waiter of a committed
     * transaction and they take the row's lock in turn), so a waiter seen still waiting while another woken one
     * ran is asked again once that one returned; which of them is blocked when the gate goes on then does not
     * depend on timing. The point just granted is not followed: if it blocked, it let go of nothing (and MariaDB's
     * monitor, asked again at once, does not always list a wait it listed a moment before).
     */
    private void followUnblocked(SchedulingPoint granted, Connection monitor) throws SQLException, InterruptedException {
        List<SchedulingPoint> waitingBefore = new ArrayList<>();
        synchronized (this) {
            transactions.stream().map(ScheduledTransaction::sending).filter(p -> p != null && p.blocked() && p != granted)
                    .forEach(waitingBefore::add);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ScheduledTransaction other : transactions) {
                SchedulingPoint sending;
                synchronized (this) {
                    sending = other.sending();
                }
                if (sending == null || !sending.blocked() || sending == granted) {
                    continue; // the point just granted released nothing if it is itself blocked
                }
                if (returnsOrWaits(sending, monitor)) {
                    changed = true;
                }
            }
        }
        // PostgreSQL wakes every statement waiting for a committed transaction and they race for the row; H2 wakes
        // every waiter at once; InnoDB grants a lock to its waiters in the order they asked, which the gate chose
        if (waitingBefore.size() >= 2 && engine.server() != Engine.MARIADB) {
            synchronized (this) {
                boolean wentOn = waitingBefore.stream().anyMatch(p -> p.done() && p.failure() == null);
                boolean waitsAgain = waitingBefore.stream().anyMatch(p -> !p.done());
                if (wentOn && waitsAgain) {
                    wokenTogether++; // the engine chose which of them took the lock first
                }
            }
        }
    }

    /**
     * Times a statement let go of several statements waiting for it, and the engine chose which went on while the
     * others waited again ({@link dev.oversell.judge.Coverage.EveryReachable}). Guarded by this.
     */
    private int wokenTogether;

    /** Waits until a point seen blocked returns (true) or its session is seen waiting for a lock (false). */
    private boolean returnsOrWaits(SchedulingPoint sending, Connection monitor) throws SQLException, InterruptedException {
        long since = System.nanoTime();
        long deadline = since + boundNanos;
        while (true) {
            synchronized (this) {
                if (sending.done()) {
                    return true;
                }
                wait(2);
                if (sending.done()) {
                    return true;
                }
            }
            LockWaits.Wait wait = lockWaits.of(sending, monitor, since);
            if (wait != LockWaits.Wait.NONE) {
                if (wait == LockWaits.Wait.GUESSED) {
                    synchronized (this) {
                        sending.guessedWaiting();
                    }
                }
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new GateError(sending + " was no longer waiting for a lock but did not return within "
                        + bound.toMillis() + " ms; script so far:\n" + script.render());
            }
        }
    }

    /** Called on the transaction's thread when a point it sent returned (or failed). */
    synchronized void returned(SchedulingPoint point, String answer, Throwable failure) {
        boolean deadlockVictim = failure instanceof SQLException sql && engine.classify(sql) == Engine.Failure.DEADLOCK;
        point.returned(failure == null ? answer : "ERROR: " + describe(failure), failure, deadlockVictim);
        point.transaction.returned(point);
        if (point.blocked()) {
            script.returnedAfterBlocking(point);
            blockedReturned = true;
        }
        if (failure instanceof SQLException sql && engine.classify(sql) == Engine.Failure.LOCK_TIMEOUT) {
            lockTimeout = point + ": " + sql.getMessage();
        }
        if (deadlockVictim && point.blocked()) {
            refusedWhileWaiting = point;
        } else if (deadlockVictim) {
            // it waited for a lock, whether or not the gate saw it waiting before the engine refused it (MariaDB
            // refuses at once, PostgreSQL 1 ms after a quick check): the same point in every run, and the same
            // script (blocked, then refused)
            point.waitedAsVictim();
            script.returnedAfterBlocking(point);
        }
        notifyAll();
    }

    /**
     * Whether the engine refused {@code transaction} to break a deadlock: some statement of it failed as a deadlock's
     * victim ({@link SchedulingPoint#deadlockVictim}). A deadlock the engine breaks is not a hang: while every call
     * waits for a lock, the gate waits for the engine (within its bound), and the victim's failure lets the others
     * go on.
     */
    synchronized boolean brokeADeadlock(ScheduledTransaction transaction) {
        return ran.stream().anyMatch(p -> p.transaction == transaction && p.deadlockVictim());
    }

    /** Called by the data source when a thread that works for no call asked it for a connection during the schedule. */
    synchronized void offSchedule(String why) {
        if (offSchedule == null) {
            offSchedule = why;
        }
        notifyAll();
    }

    private void failOffSchedule() {
        if (offSchedule != null) {
            throw new GateError(offSchedule + ". The schedule was not run as given; it is a gate error, never a pass."
                    + " Script so far:\n" + script.render());
        }
    }

    private void failOnLockTimeout() {
        if (lockTimeout != null) {
            throw new GateError.MissedLockWait(lockTimeout + ". A lock timeout inside a schedule means the gate missed a lock wait"
                    + " (the other transactions never went on to release the lock), so the schedule was not run"
                    + " as given; it is a gate error, never a pass. When it timed out: " + states() + ". Script:\n"
                    + script.render());
        }
    }

    /** Records that {@code transaction} (call {@code index}) waits in the JVM, and where, the first time. Guarded by this. */
    private void sawJvmWait(ScheduledTransaction transaction, int index) {
        if (!sawJvmWait) {
            ThreadInfo info = JvmWaits.THREADS.getThreadInfo(calls.threads().get(index).getId(), JvmWaits.STACK_FRAMES);
            String where = "";
            if (info != null) {
                where = info.getThreadState() + (info.getLockName() == null ? "" : " on " + info.getLockName());
                for (StackTraceElement frame : info.getStackTrace()) {
                    String type = frame.getClassName();
                    if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                        where += " in " + type + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                        break;
                    }
                }
            }
            jvmWait = transaction.name + " " + where;
        }
        sawJvmWait = true;
    }

    /**
     * Whether every call has returned; one that left its transaction open fails the schedule (it is rolled back).
     * Guarded by this.
     */
    private boolean allReturned() {
        if (!transactions.stream().allMatch(ScheduledTransaction::finished)) {
            return false;
        }
        List<String> open = openTransactions();
        if (!open.isEmpty()) {
            throw new GateError(String.join("; ", open) + ": a purchase must end its transaction;"
                    + " Oversell rolled it back. Script:\n" + script.render());
        }
        return true;
    }

    /** What a transaction that runs its own code past the bound did last. Guarded by this. */
    private String hung(ScheduledTransaction transaction) {
        return transaction.name + " neither sent its next statement nor returned within " + bound.toMillis() + " ms "
                + (transaction.last() == null ? "of its start" : "after `" + transaction.last().text + "`")
                + " (code that hangs, or never commits)";
    }

    /** The calls that returned while a connection of theirs still had a transaction open. Guarded by this. */
    private List<String> openTransactions() {
        List<String> open = new ArrayList<>();
        for (ScheduledTransaction t : transactions) {
            if (t.finished()) {
                for (SchedulingDataSource.Session s : t.sessions()) {
                    if (!s.closed() && s.uncommitted() != null) {
                        open.add(t.name + " returned without committing or rolling back after `" + s.uncommitted() + "`");
                    }
                }
            }
        }
        return open;
    }

    private String states() {
        return transactions.stream().map(t -> t.name + (t.finished() ? " returned" : t.waiting() != null
                ? " waits for its turn to send `" + t.waiting().text + "`" : t.sending() != null
                ? " is sending `" + t.sending().text + "`" + (t.sending().blocked() ? " (blocked)" : "")
                : " is running its own code, or waiting in the JVM, after " + (t.last() == null ? "its start"
                : "`" + t.last().text + "`")))
                .collect(Collectors.joining(", "));
    }

    /**
     * Stops the schedule: statements still waiting for their turn fail, and the calls are ended and cleaned up
     * ({@link CallThreads#end()}). Returns what could not be cleaned up.
     */
    private List<String> stop() throws InterruptedException {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        return calls.end();
    }

    /** The script of what was sent and answered, written as it happens. */
    ScheduleScript script() {
        return script;
    }

    /** The schedule's calls, T1 first. */
    List<ScheduledTransaction> transactions() {
        return java.util.Collections.unmodifiableList(transactions);
    }

    /** The points let through so far, in order. */
    synchronized List<SchedulingPoint> ran() {
        return List.copyOf(ran);
    }

    /** Whether the schedule was stopped: a point still waiting for its turn fails. Guarded by this. */
    boolean stopped() {
        assert Thread.holdsLock(this);
        return stopped;
    }

    /** Whether each call's start is a scheduling point too (see the field). */
    synchronized boolean entries() {
        return entries;
    }

    /** Sets {@link #entries()}, before {@link #run}. */
    synchronized void entries(boolean entries) {
        this.entries = entries;
    }

    /** Whether a statement granted while another call waits for a lock is preceded by the quick deadlock check. */
    synchronized void quickDeadlockChecks(boolean quickDeadlockChecks) {
        this.quickDeadlockChecks = quickDeadlockChecks;
    }

    /** Where the first call seen waiting in the JVM for another waited; null if none was. */
    synchronized String jvmWait() {
        return jvmWait;
    }

    /** Whether some call was seen waiting in the JVM for another. */
    synchronized boolean sawJvmWait() {
        return sawJvmWait;
    }

    /** See the field. */
    synchronized int wokenTogether() {
        return wokenTogether;
    }

    /** {@code thread} did work a call handed over. Guarded by this. */
    void worked(Thread thread) {
        assert Thread.holdsLock(this);
        workers.add(thread);
    }

    String describe(Throwable failure) {
        if (failure instanceof SQLException sql) {
            Engine.Failure kind = engine.classify(sql);
            return (kind == Engine.Failure.OTHER ? "" : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ", ") + "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage().strip().lines().findFirst().orElse("");
        }
        return failure.toString();
    }
}
