package dev.oversell.model;

/** A request id was reused for a different purchase or order. Nothing was changed. */
public final class RequestIdConflictException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RequestIdConflictException(PurchaseRequest first, PurchaseRequest reused) {
        this(reused.requestId(), first, reused);
    }

    /** {@code first} and {@code reused} are each a {@link PurchaseRequest} or an {@link Order}. */
    public RequestIdConflictException(String requestId, Object first, Object reused) {
        super("request id " + requestId + " was first used for " + first + ", now for " + reused);
    }
}
