package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.schedule.ScheduleTree;

import java.util.List;

/**
 * One scheduling point: a statement execution, commit or rollback that a scheduled transaction asked to send,
 * on the session {@link #session} (whose lock waits the gate asks the engine about). What it returned, or that
 * it blocked, is filled in by the gate as it happens. What changes is private, changed only by the methods below,
 * each under the monitor of the schedule's {@link StatementGate} (asserted), and read under it while the schedule
 * runs.
 */
final class SchedulingPoint implements ScheduleTree.Point {

    /**
     * The verb of the point at which a call starts, when the gate decides that too ({@link StatementGate#entries}):
     * it sends nothing, but which call runs into a monitor or an actor's mailbox first is then the gate's choice.
     */
    static final String ENTER = "enter";

    final ScheduledTransaction transaction;
    /** {@code select}, {@code update}, {@code commit}, ...: its initial names the point in a schedule. */
    final String verb;
    /** The statement as a person would type it, parameters in place. */
    final String text;
    final long session;
    /**
     * Session settings the code made since its last point ({@code BEGIN}, the isolation level), and the one the gate
     * adds when it grants the point ({@link #quickDeadlockCheck}), printed first. Changed under the gate's monitor.
     */
    private final List<String> settings;
    /** What it may touch: whether it commutes with a point of another transaction ({@link Footprint}). */
    final Footprint footprint;
    /** The thread that sends it (the engine runs H2's statements on it: see {@link H2UniqueKeyWait}). */
    final Thread thread = Thread.currentThread();

    private String answer;
    private boolean blocked;
    /**
     * Taken as blocked on a guess, not on the engine's word: it had run past {@link
     * dev.oversell.engine.Engine#RUNNING_LONG_MILLIS} ms waiting for no lock the engine named (H2). Orders in which it
     * returned before the next point may not have been run; the exploration's coverage says so.
     */
    private boolean guessed;
    private boolean done;
    private Throwable failure;
    /**
     * The sessions the engine named as holding the lock this point waited for, when it was seen blocked (H2 and
     * PostgreSQL name them; MariaDB does not: empty).
     */
    private List<Long> blockers = List.of();
    /**
     * The engine refused this point to break a deadlock, as it said (PostgreSQL's 40P01, MariaDB's 1213, H2's 40001
     * with the victim's note, {@link dev.oversell.engine.Engine#classify}) ({@link StatementGate#brokeADeadlock}).
     */
    private boolean deadlockVictim;
    /**
     * Granted while another call of the schedule waited for a lock, on PostgreSQL: its transaction looks for a cycle
     * of lock waits 1 ms after this point begins to wait, not after {@code deadlock_timeout}
     * ({@link dev.oversell.engine.Engine#quickDeadlockCheckStatement()}), so that if it closes a cycle it is the
     * victim, a millisecond later, whatever the machine's load (see {@link StatementGate}).
     */
    private boolean quickDeadlockCheck;

    SchedulingPoint(ScheduledTransaction transaction, String verb, String text, long session, List<String> settings,
                    Footprint footprint) {
        this.transaction = transaction;
        this.verb = verb;
        this.text = text;
        this.session = session;
        this.settings = new java.util.ArrayList<>(settings);
        this.footprint = footprint;
    }

    /** Whether this is the start of a call ({@link #ENTER}), not a statement. */
    boolean entry() {
        return footprint.entry();
    }

    @Override
    public Footprint footprint() {
        return footprint;
    }

    @Override
    public boolean blocked() {
        return blocked;
    }

    /** What it returned, as the script prints it ({@code ERROR: ...} if it failed); null until it returned. */
    String answer() {
        return answer;
    }

    boolean done() {
        return done;
    }

    Throwable failure() {
        return failure;
    }

    boolean guessed() {
        return guessed;
    }

    List<Long> blockers() {
        return blockers;
    }

    boolean deadlockVictim() {
        return deadlockVictim;
    }

    boolean quickDeadlockCheck() {
        return quickDeadlockCheck;
    }

    /** The session settings printed before it (see the field). */
    List<String> settings() {
        return java.util.Collections.unmodifiableList(settings);
    }

    /** The engine said its session waits for a lock ({@code guessed}: H2 ran it long, naming no lock). */
    void seenWaiting(boolean guessed) {
        assert transaction.guardedByGate();
        this.blocked = true;
        this.guessed = guessed;
    }

    /** Seen waiting again, on a guess only (see {@link #guessed}). */
    void guessedWaiting() {
        assert transaction.guardedByGate();
        this.guessed = true;
    }

    /** The sessions the engine named as holding the lock it waits for. */
    void waitsBehind(List<Long> blockers) {
        assert transaction.guardedByGate();
        this.blockers = List.copyOf(blockers);
    }

    /** Granted with the engine's quick deadlock check ({@code statement}) sent before it (see the field). */
    void checkDeadlocksQuickly(String statement) {
        assert transaction.guardedByGate();
        this.quickDeadlockCheck = true;
        this.settings.add(statement);
    }

    /**
     * It returned {@code answer}, or failed with {@code failure} ({@code deadlockVictim}: the engine's refusal to
     * break a deadlock). A victim the gate had not seen waiting waited nonetheless: it is marked blocked.
     */
    void returned(String answer, Throwable failure, boolean deadlockVictim) {
        assert transaction.guardedByGate();
        this.answer = answer;
        this.failure = failure;
        this.deadlockVictim = deadlockVictim;
        this.done = true;
    }

    /** A deadlock's victim the gate had not seen waiting: it waited, for the same point in every run. */
    void waitedAsVictim() {
        assert transaction.guardedByGate() && deadlockVictim;
        this.blocked = true;
    }

    /** The point in a schedule's name: its verb's initial and its transaction's number, e.g. {@code u2}. */
    @Override
    public String label() {
        return verb.charAt(0) + String.valueOf(transaction.number);
    }

    @Override
    public String toString() {
        return transaction.name + "'s `" + text + "`";
    }
}
