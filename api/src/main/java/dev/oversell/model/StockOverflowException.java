package dev.oversell.model;

/** A restock would push the stock past {@link Long#MAX_VALUE}. Nothing was changed. */
public final class StockOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public StockOverflowException(String product, long stock, long units) {
        super("restocking " + units + " units of " + product + " on top of " + stock + " would overflow the stock");
    }
}
