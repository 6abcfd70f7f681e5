package dev.oversell.properties.database;

/**
 * How one schedule ended, most telling first: what the checker saw if the contract was broken (in the words of
 * {@link dev.oversell.judge.Finding}), else how the engine kept the purchases apart.
 */
public enum ScheduleKind {
    OVERSOLD("oversold"),
    LOST_UPDATE("lost update"),
    NOT_LINEARIZABLE("not linearizable"),
    NOT_ANSWERED("a call got no answer (error)"),
    FENCED_REROUTED("fenced out, re-routed to the new owner"),
    DEADLOCK_RETRIED("deadlock, the victim retried"),
    SERIALIZATION_FAILURE_RETRIED("serialization failure, then retry"),
    VERSION_CONFLICT_RETRIED("version conflict, then retry"),
    DUPLICATE_RETRIED("duplicate request id, then retry"),
    BLOCKED_THEN_DECIDED("blocked on a lock, then decided on the committed stock"),
    NO_CONFLICT("no conflict: each call decided on the stock it read");

    public final String label;

    ScheduleKind(String label) {
        this.label = label;
    }
}
