package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.schedule.ScheduleTree;

import java.util.Collections;
import java.util.Set;

/**
 * What a scheduling point may touch, as far as the gate can tell before it is sent: enough to know when two points
 * of different transactions answer alike in either order (they commute), so that only one of the two orders is run
 * ({@link ScheduleTree}, {@link DistinctSchedules}).
 *
 * <p>Two points commute when
 * <ul>
 *   <li>one is the start of a call and the other a statement: which call starts first matters (it may take a
 *       monitor first), when it starts beside a statement does not;</li>
 *   <li>one is the commit or rollback of a transaction that sent only plain reads ({@link Kind#INERT_END}): it
 *       releases no lock and publishes nothing;</li>
 *   <li>both are plain reads: neither takes a lock or changes anything;</li>
 *   <li>both are statements inside open transactions whose tables share nothing ({@link #tables}: neither a
 *       table nor a foreign key, trigger or sequence between them, {@link TableCoupling}): neither sees, waits for
 *       or changes what the other touches, and neither publishes anything before its commit.</li>
 * </ul>
 * A commit or rollback that may publish or release something commutes with nothing else: whether a later
 * statement of another transaction sees it (or takes its snapshot before it) is the whole question. So does a
 * write sent with autocommit on, which commits itself (its {@link #tables} are null).
 *
 * <p>Two more rules sit with the users of this one. A statement that blocked on a lock is no atomic step (when it
 * returns, and which transaction the engine picks as a deadlock's victim, depend on what ran meanwhile), so it
 * commutes with nothing ({@link ScheduleTree}, {@link Sample}). And once calls wait for one another in the JVM (a
 * monitor, an actor's mailbox), the code after a statement may take a monitor or send a message, so no two points
 * are taken to commute from then on. What is left out: code between two statements that shares state in the JVM
 * with the other calls without ever making one wait for another (a counter both update) has orders this rule
 * treats as one.
 *
 * @param tables the table groups a statement may touch ({@link TableCoupling#groups}); null if it may touch
 *               anything (its text does not bound it, or it is not a statement)
 */
record Footprint(Kind kind, boolean plainRead, Set<String> tables) implements ScheduleTree.Footprint {

    /** What kind of point it is. */
    enum Kind {
        /** The start of a call ({@link SchedulingPoint#ENTER}): sends nothing. */
        ENTRY,
        /** A statement. */
        STATEMENT,
        /** A commit or rollback that may publish writes or release locks. */
        END,
        /** A commit or rollback of a transaction that sent only plain reads (not under PostgreSQL's SERIALIZABLE). */
        INERT_END
    }

    static final Footprint ENTRY = new Footprint(Kind.ENTRY, false, null);
    static final Footprint END = new Footprint(Kind.END, false, null);
    static final Footprint INERT_END = new Footprint(Kind.INERT_END, false, null);

    Footprint {
        tables = tables == null ? null : Set.copyOf(tables);
    }

    /** A statement: whether it is a plain read, and the table groups it may touch (null: anything). */
    static Footprint statement(boolean plainRead, Set<String> tables) {
        return new Footprint(Kind.STATEMENT, plainRead, tables);
    }

    /** The commit or rollback of a transaction: inert if it sent only plain reads (see {@link Kind#INERT_END}). */
    static Footprint end(boolean inert) {
        return inert ? INERT_END : END;
    }

    /** A statement gate's points commute only with one another's. */
    @Override
    public boolean commutesWith(ScheduleTree.Footprint other) {
        return other instanceof Footprint statement && commutesWith(statement);
    }

    /** Whether this point and {@code other}, of another transaction, answer alike in either order. */
    boolean commutesWith(Footprint other) {
        if (kind == Kind.ENTRY || other.kind == Kind.ENTRY) {
            return kind != other.kind;
        }
        if (kind == Kind.INERT_END || other.kind == Kind.INERT_END) {
            return true;
        }
        if (kind == Kind.END || other.kind == Kind.END) {
            return false;
        }
        if (plainRead && other.plainRead) {
            return true;
        }
        return tables != null && other.tables != null && Collections.disjoint(tables, other.tables);
    }

    /** Whether this is the start of a call. */
    boolean entry() {
        return kind == Kind.ENTRY;
    }

    /** Whether this is a commit or rollback that releases nothing and publishes nothing. */
    @Override
    public boolean inert() {
        return kind == Kind.INERT_END;
    }
}
