package dev.oversell.model;

/** A request id was reused for a different purchase. Nothing was changed. */
public final class RequestIdConflictException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RequestIdConflictException(PurchaseRequest first, PurchaseRequest reused) {
        super("request id " + reused.requestId() + " was first used for " + first + ", now for " + reused);
    }
}
