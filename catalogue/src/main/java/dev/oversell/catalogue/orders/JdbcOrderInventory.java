package dev.oversell.catalogue.orders;

import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.AtomicRestock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The frame the JDBC order designs share, as a checkout service over plain JDBC has it: one transaction per order
 * on one connection of the pool, at READ COMMITTED, all or nothing. It reads the stock of every line (which
 * statement, and in what order, is the design's: {@link #readStock}, {@link #readingOrder}), then, if every line is
 * in stock, takes every line with {@code UPDATE stock SET stock = stock - ? WHERE product = ?} in the order's order
 * and commits; else rolls back and refuses, naming the first short line in the order's order. A line of an unknown
 * product rolls back and changes nothing. An error of the engine (a deadlock it broke, a lost connection) rolls back
 * and is passed on to the caller, not retried: the engine's refusal is the caller's to see.
 *
 * <p>A single purchase is an order of one line; a restock is the shared atomic statement ({@link AtomicRestock}).
 * Request ids are not de-duplicated: a resubmitted order or purchase is applied again (the designs declare it).
 * The designs keep their stock in {@code stock} ({@code db/<design>/V1__stock.sql}).
 */
abstract class JdbcOrderInventory implements OrderInventory {

    /** The table every order design keeps its stock in. */
    static final String TABLE = "stock";

    private final DataSource dataSource;
    private volatile boolean closed;

    JdbcOrderInventory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The stock of {@code product} as this design reads it inside the order's transaction; null if no such row. */
    abstract Long readStock(Connection connection, String product) throws SQLException;

    /** The lines in the order this design reads them: the order's own, unless the design says otherwise. */
    List<Order.Line> readingOrder(Order order) {
        return order.lines();
    }

    @Override
    public OrderResult place(Order order) {
        requireOpen();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                Map<String, Long> seen = new HashMap<>();
                for (Order.Line line : readingOrder(order)) {
                    Long stock = readStock(c, line.product());
                    if (stock == null) {
                        throw new UnknownProductException(line.product()); // rolled back below: nothing changes
                    }
                    seen.put(line.product(), stock);
                }
                for (Order.Line line : order.lines()) {
                    if (seen.get(line.product()) < line.quantity()) {
                        c.rollback();
                        return OrderResult.refused(order, line, seen.get(line.product()));
                    }
                }
                for (Order.Line line : order.lines()) {
                    try (PreparedStatement take = c.prepareStatement("UPDATE " + TABLE
                            + " SET stock = stock - ? WHERE product = ?")) {
                        take.setLong(1, line.quantity());
                        take.setString(2, line.product());
                        take.executeUpdate();
                    }
                }
                c.commit();
                return OrderResult.placed(order);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("order " + order.requestId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        OrderResult result = place(Order.of(request.requestId(), Order.line(request.product(), request.quantity())));
        return result instanceof OrderResult.Refused refused ? PurchaseResult.outOfStock(request, refused.stockSeen())
                : PurchaseResult.purchased(request);
    }

    @Override
    public long stock(String product) {
        requireOpen();
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT stock FROM " + TABLE + " WHERE product = ?")) {
            read.setString(1, product);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownProductException(product);
                }
                return rs.getLong(1);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stock of " + product + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restock(String product, long units) {
        requireOpen();
        AtomicRestock.restock(dataSource, TABLE, false, product, units);
    }

    @Override
    public void close() {
        closed = true; // the data source is the caller's
    }

    /** The one row of {@code product} read by {@code sql} (its one parameter: the product); null if none. */
    static Long readOne(Connection connection, String sql, String product) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            read.setString(1, product);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void rollbackQuietly(Connection c, Exception failed) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failed.addSuppressed(e); // the connection is gone: the engine rolls the transaction back itself
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
    }
}
