package dev.oversell.spring;

import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The restock a design over a {@link DataSource} can share, as every Oversell design has it: one atomic statement,
 * {@code UPDATE <table> SET stock = stock + ? WHERE product = ? AND stock <= ?} (bumping the version column of a
 * versioned row too, so that an optimistic purchase that read the row before the restock cannot overwrite it).
 * Only the purchase differs between the designs. Zero or fewer units, an unknown product or a stock that would
 * pass {@link Long#MAX_VALUE} is refused and changes nothing.
 */
public final class AtomicRestock {

    private AtomicRestock() {
    }

    /**
     * Adds {@code units} of {@code product} to its row of {@code table} (a {@code product}/{@code stock} row, with a
     * {@code version} column bumped too if {@code versioned}), in one auto-committed statement on a connection of
     * {@code dataSource}.
     */
    public static void restock(DataSource dataSource, String table, boolean versioned, String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement add = c.prepareStatement("UPDATE " + table + " SET stock = stock + ?"
                    + (versioned ? ", version = version + 1" : "") + " WHERE product = ? AND stock <= ?")) {
                add.setLong(1, units);
                add.setString(2, product);
                add.setLong(3, Long.MAX_VALUE - units);
                if (add.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement read = c.prepareStatement("SELECT stock FROM " + table + " WHERE product = ?")) {
                read.setString(1, product);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new UnknownProductException(product);
                    }
                    throw new StockOverflowException(product, rs.getLong(1), units);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not restock " + units + " of " + product + ": " + e.getMessage(), e);
        }
    }
}
