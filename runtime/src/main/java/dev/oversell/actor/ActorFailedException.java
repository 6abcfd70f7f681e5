package dev.oversell.actor;

/** The handler threw while handling this message; the cause is what it threw. */
public final class ActorFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActorFailedException(String actor, Object message, Throwable cause) {
        super("actor " + actor + " failed handling " + message + ": " + cause, cause);
    }
}
