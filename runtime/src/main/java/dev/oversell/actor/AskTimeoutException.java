package dev.oversell.actor;

import java.time.Duration;

/** No reply within the ask's timeout. The message was not cancelled and may still be handled. */
public final class AskTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AskTimeoutException(String actor, Object message, Duration timeout) {
        super("no reply from actor " + actor + " to " + message + " within " + timeout.toMillis()
                + " ms (the message was not cancelled and may still be handled)");
    }
}
