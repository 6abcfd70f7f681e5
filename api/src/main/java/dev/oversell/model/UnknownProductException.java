package dev.oversell.model;

/** The product is not in the inventory's catalogue. Nothing was changed. */
public final class UnknownProductException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownProductException(String product) {
        super("unknown product: " + product);
    }
}
