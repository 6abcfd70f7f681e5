package dev.oversell.properties.database.jdbc;

import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An order in one transaction at READ COMMITTED, all or nothing: the stock of every line read, then every line
 * taken with {@code UPDATE t SET stock = stock - ? WHERE product = ?}, or a rollback when a line is short. How the
 * lines are read is what the gate's order tests vary: with plain SELECTs (two orders both read the last units and
 * both take them: oversold), with {@code SELECT ... FOR UPDATE} in the order given (two orders of the same two
 * products in opposite order deadlock, and the engine refuses one), or with {@code FOR UPDATE} in product order
 * (never a deadlock).
 *
 * <pre>
 *   SELECT stock FROM t WHERE product = ? [FOR UPDATE]      -- each line, in the order given or in product order
 *   UPDATE t SET stock = stock - ? WHERE product = ?        -- each line; or ROLLBACK when a line is short
 *   COMMIT
 * </pre>
 */
final class OrderReadThenTaken implements OrderInventory {

    /** How the lines are read. */
    enum Reading { PLAIN, LOCKED_IN_THE_ORDER_GIVEN, LOCKED_IN_PRODUCT_ORDER }

    private final DataSource dataSource;
    private final String table;
    private final Reading reading;

    OrderReadThenTaken(DataSource dataSource, String table, Reading reading) {
        this.dataSource = dataSource;
        this.table = table;
        this.reading = reading;
    }

    @Override
    public OrderResult place(Order order) {
        List<Order.Line> lines = reading == Reading.LOCKED_IN_PRODUCT_ORDER
                ? order.lines().stream().sorted(Comparator.comparing(Order.Line::product)).toList() : order.lines();
        String read = "SELECT stock FROM " + table + " WHERE product = ?" + (reading == Reading.PLAIN ? "" : " FOR UPDATE");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                Map<String, Long> seen = new HashMap<>();
                for (Order.Line line : lines) {
                    try (PreparedStatement s = c.prepareStatement(read)) {
                        s.setString(1, line.product());
                        try (ResultSet rs = s.executeQuery()) {
                            if (!rs.next()) {
                                throw new UnknownProductException(line.product());
                            }
                            seen.put(line.product(), rs.getLong(1));
                        }
                    }
                }
                for (Order.Line line : order.lines()) {
                    if (seen.get(line.product()) < line.quantity()) {
                        c.rollback();
                        return OrderResult.refused(order, line, seen.get(line.product()));
                    }
                }
                for (Order.Line line : order.lines()) {
                    try (PreparedStatement take = c.prepareStatement("UPDATE " + table
                            + " SET stock = stock - ? WHERE product = ?")) {
                        take.setLong(1, line.quantity());
                        take.setString(2, line.product());
                        take.executeUpdate();
                    }
                }
                c.commit();
                return OrderResult.placed(order);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
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
