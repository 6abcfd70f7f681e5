package dev.oversell.model;

import java.util.Objects;

/**
 * One buyer's request: {@code quantity} units of {@code product}, identified by {@code requestId} so that a
 * retried request is never applied twice (see {@link Inventory}).
 *
 * <p>An invalid request cannot be built: a null or blank id, a null product, or a quantity of zero or less
 * is an {@link IllegalArgumentException} here, before any inventory sees it.
 */
public record PurchaseRequest(String requestId, String product, int quantity) {

    public PurchaseRequest {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("a purchase request needs a non-blank request id, got " + requestId);
        }
        Objects.requireNonNull(product, "a purchase request needs a product");
        if (quantity <= 0) {
            throw new IllegalArgumentException(
                    "quantity must be at least 1, got " + quantity + " (request " + requestId + ")");
        }
    }

    public static PurchaseRequest of(String requestId, String product, int quantity) {
        return new PurchaseRequest(requestId, product, quantity);
    }
}
