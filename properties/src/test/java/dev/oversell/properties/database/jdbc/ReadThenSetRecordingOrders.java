package dev.oversell.properties.database.jdbc;

import dev.oversell.design.JdbcPurchase;
import dev.oversell.design.JdbcSchema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The textbook oversell with an order record, as a shop writes it: read the stock, record the order in a table of
 * its own, write back {@code stock - quantity}, at READ COMMITTED. The order's {@code INSERT} touches no row the
 * other buyer's statements touch, so it commutes with them; the oversell is the same as without it.
 *
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?
 *   INSERT INTO orders (request_id, product, quantity) VALUES (?, ?, ?)
 *   UPDATE stock SET stock = ? WHERE product = ?     -- or ROLLBACK when the stock read was too low
 *   COMMIT
 * </pre>
 */
final class ReadThenSetRecordingOrders implements JdbcPurchase {

    private final String stock;
    private final String orders;

    ReadThenSetRecordingOrders(String stock) {
        this.stock = stock;
        this.orders = stock + "_orders";
    }

    /** The stock table and the orders table. */
    JdbcSchema schema() {
        JdbcSchema stockOnly = JdbcSchema.stockTable(stock);
        return new JdbcSchema(List.of(stockOnly.create().get(0), "CREATE TABLE " + orders
                        + " (request_id VARCHAR(100) NOT NULL PRIMARY KEY, product VARCHAR(100), quantity INT)"),
                List.of("DROP TABLE IF EXISTS " + orders, "DROP TABLE IF EXISTS " + stock),
                stockOnly.stockProduct(), stockOnly.readStock(), List.of("DELETE FROM " + orders, "DELETE FROM " + stock));
    }

    @Override
    public int buy(DataSource dataSource, String requestId, String product, int quantity) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long left;
            try (PreparedStatement read = c.prepareStatement("SELECT stock FROM " + stock + " WHERE product = ?")) {
                read.setString(1, product);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no such product: " + product);
                    }
                    left = rs.getLong("stock");
                }
            }
            if (left < quantity) {
                c.rollback();
                return 0;
            }
            try (PreparedStatement record = c.prepareStatement("INSERT INTO " + orders
                    + " (request_id, product, quantity) VALUES (?, ?, ?)")) {
                record.setString(1, requestId);
                record.setString(2, product);
                record.setInt(3, quantity);
                record.executeUpdate();
            }
            try (PreparedStatement write = c.prepareStatement("UPDATE " + stock + " SET stock = ? WHERE product = ?")) {
                write.setLong(1, left - quantity);
                write.setString(2, product);
                write.executeUpdate();
            }
            c.commit();
            return quantity;
        }
    }
}
