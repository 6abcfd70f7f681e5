package dev.oversell.cluster;

/**
 * What goes wrong on purpose, once per phase of a {@link FaultSchedule}, while buyers are buying the phase's
 * product on every node. Each phase sells its own product, so each fault is judged on its own accounts.
 */
public enum Fault {

    /** The node holding the product's entity is killed with SIGKILL mid-traffic; the entity restarts elsewhere. */
    KILL_OWNER("kill-owner", "the node holding the product killed (SIGKILL)"),

    /** The node holding the product leaves gracefully (hand-off) while a new node joins (rebalance). */
    LEAVE_AND_JOIN("leave-and-join", "the node holding the product leaving gracefully while a node joins"),

    /** The oldest node, where the shard coordinator runs, is killed with SIGKILL mid-traffic. */
    KILL_COORDINATOR("kill-coordinator", "the shard coordinator's node killed (SIGKILL)"),

    /**
     * The node holding the product is paused (SIGSTOP: a long GC pause, a frozen VM) until the others have downed
     * it and the entity runs elsewhere, then resumed (SIGCONT): for a moment, until it learns it was downed, two
     * incarnations of the entity run. The fault the single-entity guarantee does not cover.
     */
    PAUSE_OWNER("pause-owner", "the node holding the product paused (SIGSTOP) until downed, then resumed (SIGCONT)"),

    /**
     * The same pause placed at a program point: one purchase per lane, sent once by the fault runner (never
     * resubmitted), stops between its read of the stock and its write ({@link StallPoint}); then the node holding the
     * product is paused (SIGSTOP) until the others have downed it and the entity, restarted elsewhere, has sold a
     * few units in every lane; then resumed (SIGCONT), and the stalled purchase writes the stock it read before.
     */
    PAUSE_OWNER_MID_PURCHASE("pause-owner-mid-purchase", "the node holding the product paused (SIGSTOP) while a"
            + " purchase stood between its read and its write, until downed and the entity sold elsewhere, then resumed");

    private final String product;
    private final String description;

    Fault(String product, String description) {
        this.product = product;
        this.description = description;
    }

    /** The product the phase of this fault sells (its own shard). */
    public String product() {
        return product;
    }

    /** The request id of the purchase this fault stalls in {@code lane} (pause-owner-mid-purchase only). */
    public String stalledRequestId(Lane lane) {
        return product + "-" + lane.name() + "-stalled";
    }

    public String description() {
        return description;
    }
}
