package dev.oversell.model;

/**
 * A product catalogue's stock, as every Oversell design exposes it.
 *
 * <h2>Invariants every design is checked against</h2>
 * <ol>
 *   <li><b>Never oversell:</b> the units sold of a product never exceed its initial stock plus every unit
 *       restocked since.</li>
 *   <li><b>Never negative:</b> {@link #stock(String)} is never below zero.</li>
 *   <li><b>Conservation:</b> stock + units sold = initial stock + units restocked, at every quiescent point.</li>
 *   <li><b>Each purchase counted once:</b> a {@link PurchaseRequest} is applied at most once, whatever the
 *       number of times it is submitted. A resubmission with the same id and the same content gets the
 *       first answer back (purchased or out of stock) and changes nothing; the same id with different
 *       content is a {@link RequestIdConflictException} and changes nothing.</li>
 * </ol>
 *
 * <h2>Answers and errors</h2>
 * Out of stock is a normal answer ({@link PurchaseResult.OutOfStock}), not an exception. Bad input is an
 * exception and changes nothing: an invalid request cannot even be built ({@link PurchaseRequest}), an
 * unknown product is an {@link UnknownProductException}, a restock of zero or fewer units an
 * {@link IllegalArgumentException}, a restock past {@link Long#MAX_VALUE} a {@link StockOverflowException}.
 * A closed inventory answers every call with an {@link IllegalStateException}.
 *
 * <p>Whether a design keeps these invariants under concurrency is exactly what Oversell measures; the
 * {@code dev.oversell.catalogue.Catalogue} says what each design claims and the test suites check it.
 */
public interface Inventory extends AutoCloseable {

    /** Buys {@code request.quantity()} units of {@code request.product()} if that many are in stock. */
    PurchaseResult buy(PurchaseRequest request);

    /** The units of {@code product} in stock now. */
    long stock(String product);

    /** Adds {@code units} (at least one) to the stock of {@code product}. */
    void restock(String product, long units);

    /** Releases what the design holds (threads, actors, connections). Idempotent. */
    @Override
    default void close() {
    }
}
