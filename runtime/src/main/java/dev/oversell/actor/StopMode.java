package dev.oversell.actor;

/** How {@link ActorRef#stop} treats the messages already in the mailbox. New sends fail in both modes. */
public enum StopMode {
    /** Handle every message already accepted, then stop. */
    DRAIN,
    /** Stop after the message being handled; fail the reply of every other pending message. */
    FAIL_PENDING
}
