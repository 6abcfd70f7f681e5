package dev.oversell.properties.database.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The one lock wait H2 (2.x, embedded) does not name: an {@code INSERT} that meets another transaction's uncommitted
 * entry of the same key in a unique index that is not the primary key. H2 lists its session as merely running, no
 * blocker, and runs the statement again and again on the same thread ({@code Command.executeUpdate}) until the other
 * transaction ends or the lock timeout: each try ends in {@code MVSecondaryIndex.checkUnique} raising
 * {@code CONCURRENT_UPDATE_1} ({@code DbException.get} called from {@code checkUnique} itself; a key another
 * transaction committed raises its duplicate-key error through {@code getDuplicateKeyException} instead, and the
 * statement fails at once). A thread seen there is waiting for another transaction, as surely as one H2 names a
 * blocker for, provided that transaction could not have ended since the try began: the gate looks only once no
 * point of its own has returned for a while (see {@link StatementGate}).
 */
final class H2UniqueKeyWait {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String CHECK_UNIQUE = "org.h2.mvstore.db.MVSecondaryIndex";
    private static final String RAISE = "org.h2.message.DbException";

    private H2UniqueKeyWait() {
    }

    /** Whether {@code thread} is, now, in H2's try of a key another transaction holds uncommitted. */
    static boolean seenIn(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.getId(), 64);
        return info != null && seenIn(info.getStackTrace());
    }

    /** Whether a stack (innermost frame first) is in H2's try of a key another transaction holds uncommitted. */
    static boolean seenIn(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (stack[i].getClassName().equals(CHECK_UNIQUE) && stack[i].getMethodName().equals("checkUnique")) {
                return stack[i - 1].getClassName().equals(RAISE) && stack[i - 1].getMethodName().equals("get");
            }
        }
        return false;
    }
}
