package dev.oversell.power.database;

import dev.oversell.design.JdbcSchema;

import java.util.List;

/** The corpus designs' tables, the same DDL on H2, PostgreSQL and MariaDB; emptied between schedules. */
final class Tables {

    private Tables() {
    }

    /** {@code stock (product, stock)}: the textbook stock row. */
    static final JdbcSchema STOCK = JdbcSchema.stockTable("stock");

    /** {@code versioned_stock (product, stock, version)}. */
    static final JdbcSchema VERSIONED_STOCK = versioned("versioned_stock");

    /** The catalogue's {@code StockItem} entity's table. */
    static final JdbcSchema STOCK_ITEM = JdbcSchema.stockTable("stock_item");

    /** The catalogue's {@code VersionedStockItem} entity's table, with its {@code @Version} column. */
    static final JdbcSchema VERSIONED_STOCK_ITEM = versioned("stock_item");

    /** A supply row per product and the orders taken from it; the stock is what is left. */
    static final JdbcSchema LEDGER = new JdbcSchema(
            List.of("CREATE TABLE ledger_supply (product VARCHAR(100) NOT NULL PRIMARY KEY, supplied BIGINT NOT NULL)",
                    "CREATE TABLE ledger_order (request_id VARCHAR(100) NOT NULL, product VARCHAR(100) NOT NULL,"
                            + " quantity BIGINT NOT NULL)"),
            List.of("DROP TABLE IF EXISTS ledger_order", "DROP TABLE IF EXISTS ledger_supply"),
            "INSERT INTO ledger_supply (product, supplied) VALUES (?, ?)",
            "SELECT s.supplied - COALESCE((SELECT SUM(o.quantity) FROM ledger_order o WHERE o.product = s.product), 0)"
                    + " FROM ledger_supply s WHERE s.product = ?",
            List.of("DELETE FROM ledger_order", "DELETE FROM ledger_supply"));

    /** {@link #STOCK} and one more table, {@code table}, created by {@code create}. */
    static JdbcSchema withStock(String table, String create) {
        return new JdbcSchema(List.of(STOCK.create().get(0), create),
                List.of("DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS stock"), STOCK.stockProduct(),
                STOCK.readStock(), List.of("DELETE FROM " + table, "DELETE FROM stock"));
    }

    private static JdbcSchema versioned(String table) {
        return new JdbcSchema(
                List.of("CREATE TABLE " + table + " (product VARCHAR(100) NOT NULL PRIMARY KEY, stock BIGINT NOT NULL,"
                        + " version BIGINT DEFAULT 0 NOT NULL)"),
                List.of("DROP TABLE IF EXISTS " + table),
                "INSERT INTO " + table + " (product, stock) VALUES (?, ?)",
                "SELECT stock FROM " + table + " WHERE product = ?",
                List.of("DELETE FROM " + table));
    }
}
