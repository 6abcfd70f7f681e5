package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.GateError;
import dev.oversell.properties.database.LockProbe;
import dev.oversell.engine.Engine;
import dev.oversell.engine.LockWait;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Whether a statement the {@link StatementGate} let through waits for a lock in the engine: the engine's answer on
 * the gate's {@code monitor} connection ({@link LockProbe}), or on H2 what the statement's thread is seen doing.
 * Each engine names a wait its own way (PostgreSQL's {@code pg_blocking_pids}, MariaDB's transaction list, H2's
 * sessions); this is where the gate asks, and where a wait behind a session outside the schedule fails it.
 */
final class LockWaits {

    /** Whether a point waits for a lock: as the engine names it, or taken so on a guess (recorded on the point). */
    enum Wait { NONE, NAMED, GUESSED }

    /** How long the gate watches a point before H2's unique-key try counts ({@link H2UniqueKeyWait}). */
    private static final long SETTLED_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final StatementGate gate;
    private final Engine engine;
    private final LockProbe probe;

    LockWaits(StatementGate gate, Engine engine, LockProbe probe) {
        this.gate = gate;
        this.engine = engine;
        this.probe = probe;
    }

    /**
     * Whether {@code point}'s session waits for a lock now; the gate has watched it, with no point of its own
     * returning, since {@code since} (its grant, or the return that may have let it go). The blockers the engine
     * names are recorded on the point; on H2, only while the statement's thread is seen asleep in H2's row-lock wait
     * ({@link H2RowLockWait}). A wait the engine names behind a session outside the schedule is a
     * {@link GateError} naming that session: it may let go by itself, in an order the gate never chose. On H2, a
     * thread seen trying again a key another transaction holds uncommitted ({@link H2UniqueKeyWait}) waits as surely
     * as one H2 names a blocker for; a statement that has merely run past {@link Engine#RUNNING_LONG_MILLIS} ms,
     * watched that long, is a guess ({@link Wait#GUESSED}).
     */
    Wait of(SchedulingPoint point, Connection monitor, long since) throws SQLException {
        LockWait said = probe.lockWait(monitor, point.session);
        if (said instanceof LockWait.Behind behind) {
            if (engine == Engine.H2 && !H2RowLockWait.seenIn(point.thread)) {
                return Wait.NONE; // about to wait, or a deadlock's victim still naming its blocker: look again
            }
            refuseBlockersOutside(point, behind, monitor);
            synchronized (gate) {
                point.waitsBehind(behind.blockers());
            }
            return Wait.NAMED;
        }
        long watched = System.nanoTime() - since;
        if (engine == Engine.H2 && watched >= SETTLED_NANOS && H2UniqueKeyWait.seenIn(point.thread)) {
            return Wait.NAMED;
        }
        if (said instanceof LockWait.RunningLong && watched >= TimeUnit.MILLISECONDS.toNanos(Engine.RUNNING_LONG_MILLIS)) {
            return Wait.GUESSED;
        }
        return Wait.NONE;
    }

    /** A lock the engine names a holder of is held by a session of this schedule, or the schedule fails loudly. */
    private void refuseBlockersOutside(SchedulingPoint point, LockWait.Behind behind, Connection monitor)
            throws SQLException {
        Set<Long> scheduled = new HashSet<>();
        synchronized (gate) {
            gate.transactions().forEach(t -> t.sessions().forEach(s -> scheduled.add(s.id)));
        }
        for (long blocker : behind.blockers()) {
            if (!scheduled.contains(blocker)) {
                throw new GateError(point + " waits for a lock held by session " + blocker + ", which is outside the"
                        + " schedule (" + engine.describeSession(monitor, blocker) + "; the schedule's sessions are "
                        + new TreeSet<>(scheduled) + "): it may let go by itself, in an order the gate never"
                        + " chose, so the schedule was not run as given; it is a gate error, never a pass. A connection"
                        + " kept from the design's start-up, or another program on the same database, holds it."
                        + " Script so far:\n" + gate.script().render());
            }
        }
    }
}
