package dev.oversell.actor;

/** What an actor does after one of its handlers throws. The failed message's reply is failed in every case. */
public enum SupervisionPolicy {
    /** Keep the current state and handle the next message. */
    RESUME,
    /** Throw the state away, build a fresh one from the actor's factory, and handle the next message. */
    RESTART,
    /** Stop: refuse new messages and fail every pending reply with {@link ActorStoppedException}. */
    STOP
}
