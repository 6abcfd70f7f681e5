package dev.oversell.power.database.designs;

import dev.oversell.model.Inventory;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.AtomicRestock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the corpus's plain JDBC designs share, and nothing of their purchase: the stock read (one autocommit
 * {@code SELECT}), the restock (the one atomic {@code UPDATE ... SET stock = stock + ?} of {@link AtomicRestock},
 * unless a design overrides it: then the restock is its bug), and the helpers a hand-written DAO has (a
 * transaction on one connection at a given level, committed, or rolled back if the work throws). The data source
 * is the caller's: closing the design leaves it open.
 */
abstract class PlainJdbcDesign implements Inventory {

    /** A step of work on one connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    protected final DataSource dataSource;
    protected final String table;
    private final boolean versioned;

    /** A design keeping its stock rows ({@code product}, {@code stock}) in {@code table}; a version bumped by every change if {@code versioned}. */
    PlainJdbcDesign(DataSource dataSource, String table, boolean versioned) {
        this.dataSource = dataSource;
        this.table = table;
        this.versioned = versioned;
    }

    @Override
    public long stock(String product) {
        return autocommit(c -> readLong(c, "SELECT stock FROM " + table + " WHERE product = ?", product));
    }

    @Override
    public void restock(String product, long units) {
        AtomicRestock.restock(dataSource, table, versioned, product, units);
    }

    /** {@code work} in one transaction at {@code isolation} (a {@link Connection} constant) on one connection. */
    protected final <T> T inTransaction(int isolation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            int before = c.getTransactionIsolation();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(false);
            try {
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                c.setTransactionIsolation(before);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code work} on one connection in autocommit: each statement its own transaction. */
    protected final <T> T autocommit(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException(getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The one {@code long} of the first row {@code sql} returns; an unknown product if none. */
    static long readLong(Connection c, String sql, String product, Object... more) throws SQLException {
        try (PreparedStatement read = prepared(c, sql, product, more); ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new UnknownProductException(product);
            }
            return rs.getLong(1);
        }
    }

    /** The first row {@code sql} returns, as two {@code long}s (e.g. stock and version); an unknown product if none. */
    static long[] readTwo(Connection c, String sql, String product) throws SQLException {
        try (PreparedStatement read = prepared(c, sql, product); ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new UnknownProductException(product);
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** The one {@code long} of the first row {@code sql} returns with its parameters in order (a count, a sum). */
    static long single(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                read.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no row from " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    /** Runs {@code sql} with its parameters in order; the rows it changed. */
    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement write = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                write.setObject(i + 1, parameters[i]);
            }
            return write.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, String first, Object... more)
            throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setString(1, first);
        for (int i = 0; i < more.length; i++) {
            statement.setObject(i + 2, more[i]);
        }
        return statement;
    }
}
