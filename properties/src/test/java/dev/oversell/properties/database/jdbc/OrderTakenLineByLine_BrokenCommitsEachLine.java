package dev.oversell.properties.database.jdbc;

import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An order taken line by line, each line its own guarded UPDATE in autocommit: a line comes up short and the order
 * is refused, but the lines taken before it stay taken. Never an oversell (each UPDATE checks its own row), but not
 * all or nothing: two orders of {@code a} and {@code b} in opposite order, each taking its first line, are both
 * refused with both units gone, a partially applied order.
 *
 * <pre>
 *   UPDATE t SET stock = stock - ? WHERE product = ? AND stock >= ?   -- each line, autocommit; 0 rows: refused
 *   SELECT stock FROM t WHERE product = ?                              -- the short line's stock, for the answer
 * </pre>
 */
final class OrderTakenLineByLine_BrokenCommitsEachLine implements OrderInventory {

    private final DataSource dataSource;
    private final String table;

    OrderTakenLineByLine_BrokenCommitsEachLine(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    public OrderResult place(Order order) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (Order.Line line : order.lines()) {
                try (PreparedStatement take = c.prepareStatement("UPDATE " + table
                        + " SET stock = stock - ? WHERE product = ? AND stock >= ?")) {
                    take.setLong(1, line.quantity());
                    take.setString(2, line.product());
                    take.setLong(3, line.quantity());
                    if (take.executeUpdate() == 0) {
                        try (PreparedStatement read = c.prepareStatement("SELECT stock FROM " + table
                                + " WHERE product = ?")) {
                            read.setString(1, line.product());
                            try (ResultSet rs = read.executeQuery()) {
                                rs.next();
                                return OrderResult.refused(order, line, rs.getLong(1));
                            }
                        }
                    }
                }
            }
            return OrderResult.placed(order);
        } catch (SQLException e) {
            throw new IllegalStateException("order " + order.requestId() + " failed", e);
        }
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        throw new UnsupportedOperationException("the gate's order tests send orders only");
    }

    @Override
    public long stock(String product) {
        throw new UnsupportedOperationException("the gate reads the stock with the schema's reader");
    }

    @Override
    public void restock(String product, long units) {
        throw new UnsupportedOperationException("no restock");
    }
}
