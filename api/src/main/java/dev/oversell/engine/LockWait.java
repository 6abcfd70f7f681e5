package dev.oversell.engine;

import java.util.List;

/**
 * What an engine says of a session's statement in flight, asked on another connection ({@link Engine#lockWait}):
 * it waits for a lock the engine names ({@link Behind}), it has only been running a while, which the engine does not
 * call a wait ({@link RunningLong}, H2 alone), or neither ({@link #NONE}).
 */
public sealed interface LockWait {

    /** Not waiting for any lock the engine knows of. */
    LockWait NONE = new None();

    /** Not waiting for any lock the engine knows of. */
    record None() implements LockWait {
    }

    /**
     * Waiting for a lock, as the engine says: {@code blockers} are the sessions that hold it (empty where the engine
     * does not name them: MariaDB's InnoDB monitor, a metadata lock, a user lock), {@code what} the engine's word
     * for the wait.
     */
    record Behind(List<Long> blockers, String what) implements LockWait {
        public Behind {
            blockers = List.copyOf(blockers);
        }
    }

    /**
     * Running for more than {@link Engine#RUNNING_LONG_MILLIS} ms, waiting for no lock the engine names: H2 lists a
     * session that waits for another's uncommitted entry of a unique key so, but a pause of the JVM looks the same.
     * A guess, never a wait the engine reported.
     */
    record RunningLong(long millis) implements LockWait {
    }
}
