package dev.oversell.properties.database.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Whether a thread waits, now, for another transaction's row in H2 (2.x, embedded): asleep in
 * {@code org.h2.mvstore.tx.Transaction.waitForThisToEnd}, the one place H2 waits for a row lock. H2's sessions name
 * a blocker ({@code INFORMATION_SCHEMA.SESSIONS.BLOCKER_ID}) from the moment a transaction asks to wait until its
 * thread clears it after the wait; a transaction H2 picks as a deadlock's victim throws before it gets there and
 * never clears it, so it goes on naming its blocker while it rolls back and after its locks are gone (H2 2.3.232
 * and 2.4.240, {@code Transaction.waitFor}). The gate takes H2's named blocker for a wait only while the thread is
 * seen asleep here: otherwise a victim whose failure had not yet reached the gate was taken as still waiting, and
 * the order where its rollback comes before the survivor's next statement was never offered.
 */
final class H2RowLockWait {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String TRANSACTION = "org.h2.mvstore.tx.Transaction";
    private static final String WAIT = "waitForThisToEnd";
    /** How deep under {@code Object.wait} H2's frame may be (the JDK's own frames of a timed wait). */
    private static final int DEPTH = 8;

    private H2RowLockWait() {
    }

    /** Whether {@code thread} is, now, asleep in H2's wait for another transaction's row. */
    static boolean seenIn(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.getId(), DEPTH);
        return info != null && info.getThreadState() == Thread.State.TIMED_WAITING && seenIn(info.getStackTrace());
    }

    /** Whether a stack (innermost frame first) is asleep in H2's wait for another transaction's row. */
    static boolean seenIn(StackTraceElement[] stack) {
        if (stack.length == 0 || !stack[0].getClassName().equals("java.lang.Object")
                || !stack[0].getMethodName().startsWith("wait")) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(TRANSACTION) && frame.getMethodName().equals(WAIT)) {
                return true;
            }
        }
        return false;
    }
}
