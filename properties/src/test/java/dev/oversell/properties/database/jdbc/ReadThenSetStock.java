package dev.oversell.properties.database.jdbc;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.JdbcPurchase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The textbook oversell, as a DAO writes it: read the stock, check it, write back {@code stock - quantity}, at
 * READ COMMITTED (or the isolation level given) with autocommit off. Two buyers who both read 1 both write 0: both
 * are told "purchased".
 *
 * <pre>
 *   SELECT stock FROM t WHERE product = ?
 *   UPDATE t SET stock = ? WHERE product = ?     -- or ROLLBACK when the stock read was too low
 *   COMMIT
 * </pre>
 */
final class ReadThenSetStock implements JdbcPurchase {

    private final String table;
    private final int isolation;
    /** What follows the read: nothing, or {@code " FOR UPDATE"}. */
    private final String lock;

    ReadThenSetStock(String table) {
        this(table, Connection.TRANSACTION_READ_COMMITTED);
    }

    /** At {@code isolation}, a {@link Connection} constant. */
    ReadThenSetStock(String table, int isolation) {
        this(table, isolation, "");
    }

    private ReadThenSetStock(String table, int isolation, String lock) {
        this.table = table;
        this.isolation = isolation;
        this.lock = lock;
    }

    /**
     * The same with the row locked as it is read ({@code SELECT ... FOR UPDATE}): a second buyer waits at its read
     * until the first commits, then reads the committed stock. Never oversells. With three buyers, two of them can
     * wait for the first at once: when it commits, which of them locks the row next is the engine's choice
     * (PostgreSQL and H2 wake both; InnoDB grants the lock in the order it was asked for).
     */
    static ReadThenSetStock lockingTheRow(String table) {
        return new ReadThenSetStock(table, Connection.TRANSACTION_READ_COMMITTED, " FOR UPDATE");
    }

    @Override
    public int buy(DataSource dataSource, String requestId, String product, int quantity) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation);
            long stock;
            try (PreparedStatement read = c.prepareStatement("SELECT stock FROM " + table + " WHERE product = ?" + lock)) {
                read.setString(1, product);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no such product: " + product);
                    }
                    stock = rs.getLong("stock");
                }
            }
            if (stock < quantity) {
                c.rollback();
                return 0;
            }
            try (PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET stock = ? WHERE product = ?")) {
                write.setLong(1, stock - quantity);
                write.setString(2, product);
                write.executeUpdate();
            }
            c.commit();
            return quantity;
        }
    }
}
