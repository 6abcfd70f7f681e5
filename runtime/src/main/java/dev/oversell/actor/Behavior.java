package dev.oversell.actor;

/**
 * What an actor does with one message. Called by one thread at a time per actor; the fields of the object
 * that implements it are the actor's state and need no synchronisation.
 *
 * @param <M> the messages the actor accepts
 */
@FunctionalInterface
public interface Behavior<M> {

    /**
     * Handles one message. Answer an {@link AwaitsReply} message through its {@link Reply}; throwing fails
     * that reply and applies the actor's {@link SupervisionPolicy}.
     */
    void receive(M message) throws Exception;
}
