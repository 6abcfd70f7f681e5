package dev.oversell.properties.database;

/** How one schedule of two purchases of the last unit ended, most telling first. */
public enum ScheduleKind {
    OVERSOLD("both committed and oversold"),
    NOT_ANSWERED("a purchase got no answer (error)"),
    FENCED_REROUTED("fenced out, re-routed to the new owner"),
    DEADLOCK_RETRIED("deadlock, the victim retried"),
    SERIALIZATION_FAILURE_RETRIED("serialization failure, then retry"),
    VERSION_CONFLICT_RETRIED("version conflict, then retry"),
    LOCK_TIMEOUT_RETRIED("lock timeout, then retry"),
    DUPLICATE_RETRIED("duplicate request id, then retry"),
    BLOCKED_THEN_REJECTED("blocked on a lock, then one rejected"),
    ONE_REJECTED("one rejected (out of stock)");

    public final String label;

    ScheduleKind(String label) {
        this.label = label;
    }
}
