package dev.oversell.power.database.designs;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The retry loop Spring services write around a transaction: run it again when the engine refused it for a
 * conflict with another transaction (a serialization failure, a deadlock, a lock wait timeout, MariaDB's
 * "record has changed since last read", an optimistic lock failure), at most {@link #TRIES} times, with no pause
 * (nothing here waits on a clock). Anything else propagates at once.
 */
final class Conflicts {

    static final int TRIES = 10;

    /** MariaDB 1205 lock wait timeout, 1213 deadlock, 1020 record changed; H2 90131 concurrent update, 50200 lock timeout, 40001 deadlock. */
    private static final Set<Integer> VENDOR_CODES = Set.of(1205, 1213, 1020, 90131, 50200, 40001);

    private Conflicts() {
    }

    /** {@code transaction}'s result, run again on a conflict, at most {@link #TRIES} times. */
    static <T> T retried(String what, Supplier<T> transaction) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IllegalStateException(what + ": refused for a conflict " + TRIES + " times; nothing applied", last);
    }

    /** Whether {@code failure} (or a cause) is the engine refusing a transaction for a conflict with another. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.OptimisticLockingFailureException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("40"))
                    || VENDOR_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
