package dev.oversell.design;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A {@link JdbcPurchase} as an {@link Inventory}: {@code buy} calls the purchase code, {@code stock} runs the
 * schema's stock reader; a restock is not part of such a design (the checkers that need one say so).
 */
final class JdbcPurchaseInventory implements Inventory {

    private final DataSource dataSource;
    private final JdbcSchema schema;
    private final JdbcPurchase purchase;

    JdbcPurchaseInventory(DataSource dataSource, JdbcSchema schema, JdbcPurchase purchase) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = schema;
        this.purchase = purchase;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        int sold;
        try {
            sold = purchase.buy(dataSource, request.requestId(), request.product(), request.quantity());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(request + " failed: " + e.getMessage(), e);
        }
        if (sold == request.quantity()) {
            return PurchaseResult.purchased(request);
        }
        if (sold == 0) {
            return PurchaseResult.outOfStock(request, stock(request.product()));
        }
        throw new IllegalStateException(request + ": the purchase code said it sold " + sold + " units");
    }

    @Override
    public long stock(String product) {
        try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(schema.readStock())) {
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
        throw new UnsupportedOperationException("a design declared as a JdbcPurchase has no restock");
    }
}
