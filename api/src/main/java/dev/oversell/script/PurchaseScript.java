package dev.oversell.script;

import java.sql.SQLException;
import java.util.List;

/**
 * The SQL of a database design's purchase, written as the steps between begin and commit. The same steps
 * serve the design in production (the runtime's {@code TransactionalInventory} runs them in order, with retries) and the
 * interleaving checker (which runs two purchases' steps in every order), so what is checked is what runs.
 *
 * <p>A body step decides the answer with {@link Tx#purchased()} or {@link Tx#outOfStock(long)}; the harness
 * around the steps ({@link PurchaseSteps}) looks up an earlier answer to the same request id first and records
 * the answer in the purchases table last, in the same transaction.
 */
public interface PurchaseScript {

    /** Autocommit, or one transaction at this isolation level. */
    TransactionMode mode();

    /** The steps between begin and commit, in order. */
    List<Step> body();

    /** The units of {@code product} in stock, as this design counts them (null if no such product). */
    default Long readStock(Tx tx, String product) throws SQLException {
        return tx.queryLong(stockQuery(tx.store()), product);
    }

    /** The query {@link #readStock} runs: one parameter, the product; one row, the units in stock. */
    default String stockQuery(Tables store) {
        return plainStockQuery(store);
    }

    /** The stock column of the store's stock table. */
    static String plainStockQuery(Tables store) {
        return "SELECT stock FROM " + store.stockTable() + " WHERE product = ?";
    }

    /**
     * Adds {@code units} to {@code product} in one atomic statement, unless that would push its stock past
     * {@link Long#MAX_VALUE}; the rows changed (0: no such product, or it would overflow). A restock is a
     * change of the row like a purchase, so it moves the version on too (an optimistic purchase that read the
     * stock before the restock must not overwrite it).
     */
    default int restock(Tx tx, String product, long units) throws SQLException {
        return tx.update("UPDATE " + tx.store().stockTable() + " SET stock = stock + ?, version = version + 1"
                        + " WHERE product = ? AND stock <= ?",
                units, product, Long.MAX_VALUE - units);
    }
}
