package dev.oversell.actor;

/** The actor is stopped (or stopping): the message was not, and will not be, handled. */
public final class ActorStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ActorStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
