package dev.oversell.properties.database.jdbc;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.JdbcPurchase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The check and the act in one statement: {@code UPDATE ... SET stock = stock - ? WHERE ... AND stock >= ?}.
 * The row lock the UPDATE takes makes a second buyer wait, then re-check the committed stock: never oversells.
 *
 * <pre>
 *   UPDATE t SET stock = stock - ? WHERE product = ? AND stock >= ?
 *   COMMIT                                       -- or ROLLBACK when no row was updated
 * </pre>
 */
final class GuardedDecrement implements JdbcPurchase {

    private final String table;

    GuardedDecrement(String table) {
        this.table = table;
    }

    @Override
    public int buy(DataSource dataSource, String requestId, String product, int quantity) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            if (take(c, table, product, quantity) == 0) {
                c.rollback();
                return 0;
            }
            c.commit();
            return quantity;
        }
    }

    /** The guarded UPDATE on {@code c}, in its open transaction: the rows it changed (0: not enough stock). */
    static int take(Connection c, String table, String product, int quantity) throws SQLException {
        try (PreparedStatement take = c.prepareStatement(
                "UPDATE " + table + " SET stock = stock - ? WHERE product = ? AND stock >= ?")) {
            take.setInt(1, quantity);
            take.setString(2, product);
            take.setInt(3, quantity);
            return take.executeUpdate();
        }
    }
}
