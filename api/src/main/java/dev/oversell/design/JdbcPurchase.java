package dev.oversell.design;

import dev.oversell.model.Inventory;

import javax.sql.DataSource;

/**
 * A purchase as a team writes it: plain code over a {@link DataSource} (a DAO method, a service call), which
 * takes its connections from {@code dataSource}, runs its statements, commits or rolls back, and says how many
 * units it sold. Nothing in it knows it is being checked: the interleaving checker hands it a data source in
 * which every statement waits its turn. Declared with {@link DatabaseDesign.Builder#jdbc}.
 */
@FunctionalInterface
public interface JdbcPurchase {

    /**
     * Buys {@code quantity} units of {@code product} for request {@code requestId}.
     *
     * @return the units sold: {@code quantity}, or 0 for "out of stock"
     * @throws Exception whatever the code throws; the checkers report it as an error, never as "held"
     */
    int buy(DataSource dataSource, String requestId, String product, int quantity) throws Exception;

    /**
     * This purchase as an {@link Inventory} over {@code dataSource}: {@code buy} calls it (an "out of stock"
     * answer then reads the stock it saw with the schema's reader), {@code stock} runs the reader; no restock.
     */
    default Inventory over(DataSource dataSource, JdbcSchema schema) {
        return new JdbcPurchaseInventory(dataSource, schema, this);
    }
}
