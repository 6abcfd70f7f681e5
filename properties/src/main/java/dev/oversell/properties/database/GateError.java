package dev.oversell.properties.database;

/**
 * The statement gate could not run a schedule as given (it missed a lock wait, a statement neither returned nor
 * blocked in time, code hung or left its transaction open): the schedule proves nothing, and the run fails with
 * this error rather than count it as held.
 */
public class GateError extends AssertionError {

    private static final long serialVersionUID = 1L;

    public GateError(String message) {
        super(message);
    }

    /**
     * The engine ended a lock wait the gate had not seen (a lock timeout inside a schedule). The engine's lock
     * monitor is asked every few milliseconds and has been seen, rarely, not to list a wait (MariaDB, an INSERT
     * behind a SERIALIZABLE read's gap lock after a deadlock retry): the runner runs such a schedule once more,
     * and a second miss fails the run.
     */
    public static final class MissedLockWait extends GateError {

        private static final long serialVersionUID = 1L;

        public MissedLockWait(String message) {
            super(message);
        }
    }
}
