package dev.oversell.model;

import java.time.Duration;

/**
 * No answer came within the caller's timeout. The operation may still be applied later: resubmit the same
 * {@link PurchaseRequest} (same id) to learn its outcome; it will not be applied twice.
 */
public final class AnswerTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnswerTimeoutException(String what, Duration timeout, Throwable cause) {
        super("no answer to " + what + " within " + timeout.toMillis() + " ms; it may still be applied,"
                + " resubmit the same request id to learn its outcome", cause);
    }
}
