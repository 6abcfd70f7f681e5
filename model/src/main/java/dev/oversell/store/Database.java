package dev.oversell.store;

import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One database Oversell runs against: its engine, a pooled {@link DataSource}, and what to release when done.
 * Build one from settings with {@link DatabaseSettings}, or a private in-memory H2 with {@link #privateH2()}.
 */
public final class Database implements AutoCloseable {

    private static final AtomicLong PRIVATE_H2 = new AtomicLong();
    private static final int PRIVATE_LOCK_TIMEOUT_MILLIS = 5_000;

    private final Engine engine;
    private final DataSource dataSource;
    private final String description;
    private final AutoCloseable resources;
    private final int lockTimeoutMillis;

    /**
     * A database whose sessions wait at most {@code lockTimeoutMillis} for a lock (what the caller set up on
     * every connection of {@code dataSource}; the bound callers derive their own timeouts from).
     */
    public Database(Engine engine, DataSource dataSource, String description, int lockTimeoutMillis,
                    AutoCloseable resources) {
        if (lockTimeoutMillis <= 0) {
            throw new IllegalArgumentException("a lock timeout must be positive, got " + lockTimeoutMillis);
        }
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.description = Objects.requireNonNull(description, "description");
        this.resources = resources;
    }

    /**
     * A fresh in-memory H2 database that only its holder sees, pooled with H2's own connection pool; it
     * vanishes when closed. This is what a database variant runs on when a suite gives it nothing else.
     */
    public static Database privateH2() {
        String url = "jdbc:h2:mem:oversell-" + PRIVATE_H2.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT="
                + PRIVATE_LOCK_TIMEOUT_MILLIS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        return new Database(Engine.H2, pool, "H2 (private, in memory)", PRIVATE_LOCK_TIMEOUT_MILLIS, () -> {
            try (Connection c = pool.getConnection(); var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } finally {
                pool.dispose();
            }
        });
    }

    public Engine engine() {
        return engine;
    }

    /** The longest any session of this database waits for a lock before the engine gives up. */
    public int lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Tells the pool never to hand {@code connection} out again (its session died). HikariCP evicts it; other
     * pools find out on their own.
     */
    public void evict(Connection connection) {
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
            hikari.evictConnection(connection);
        }
    }

    /** The engine and its version as the server reports it, e.g. {@code PostgreSQL 15.20}. */
    public String version() {
        try (Connection c = connection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return engine.label() + " (version unknown: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release " + description, e);
            }
        }
    }
}
