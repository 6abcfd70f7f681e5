package dev.oversell.properties.database.jdbc;

import dev.oversell.design.JdbcPurchase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The read-then-set of {@link ReadThenSetStock} with the row locked as it is read ({@code SELECT ... FOR UPDATE}):
 * a second buyer waits at its read until the first commits, then reads the committed stock. Never oversells. With
 * three buyers, two of them can wait for the first at once: when it commits, which of them locks the row next is
 * the engine's choice (PostgreSQL and H2 wake both; InnoDB grants the lock in the order it was asked for).
 *
 * <pre>
 *   SELECT stock FROM t WHERE product = ? FOR UPDATE
 *   UPDATE t SET stock = ? WHERE product = ?     -- or ROLLBACK when the stock read was too low
 *   COMMIT
 * </pre>
 */
final class LockedReadThenSet implements JdbcPurchase {

    private final String table;

    LockedReadThenSet(String table) {
        this.table = table;
    }

    @Override
    public int buy(DataSource dataSource, String requestId, String product, int quantity) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long stock;
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT stock FROM " + table + " WHERE product = ? FOR UPDATE")) {
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
