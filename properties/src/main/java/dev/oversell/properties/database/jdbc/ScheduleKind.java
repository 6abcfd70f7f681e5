package dev.oversell.properties.database.jdbc;

/**
 * How one schedule ended, most telling first: what the checker saw if the contract was broken (in the words of
 * {@link dev.oversell.judge.Finding}), else how the engine and the code kept the purchases apart. The first
 * kind of a design's schedules is the one its script shows.
 */
public enum ScheduleKind {
    OVERSOLD("oversold"),
    PARTIALLY_APPLIED("partially applied"),
    LOST_UPDATE("lost update"),
    NOT_LINEARIZABLE("not linearizable"),
    ERROR("a call threw (an error, never a pass)"),
    REFUSED("the engine refused a purchase (serialization failure or deadlock), which failed with nothing applied"),
    FENCED_REROUTED("fenced out, re-routed to the new owner"),
    DEADLOCK_RETRIED("deadlock, the victim retried"),
    SERIALIZATION_FAILURE_RETRIED("serialization failure, then retry"),
    DUPLICATE_RETRIED("duplicate key, then retry"),
    ANOTHER_PATH("the code took another path than alone (a conflict it detected and retried, a refusal)"),
    BLOCKED_THEN_DECIDED("blocked on a lock, then decided on the committed stock"),
    NO_CONFLICT("no conflict: each call decided on the stock it read");

    public final String label;

    ScheduleKind(String label) {
        this.label = label;
    }
}
