package dev.oversell.store;

import dev.oversell.engine.Engine;

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
     * vanishes when closed. This is what a database design runs on when a suite gives it nothing else.
     */
    public static Database privateH2() {
        long number = PRIVATE_H2.incrementAndGet();
        String url = "jdbc:h2:mem:oversell-" + number + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + PRIVATE_LOCK_TIMEOUT_MILLIS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        return new Database(Engine.H2, pool, "H2 (private, in memory, #" + number + ")", PRIVATE_LOCK_TIMEOUT_MILLIS, () -> {
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

    /**
     * The engine, its version as the server reports it, and the settings that decide verdicts, as a session of
     * this database sees them, each beside the server's own default where the column pins it: the default
     * isolation level, and on MariaDB {@code innodb_snapshot_isolation} and {@code sql_mode}, on H2 its
     * compatibility {@code MODE}. For example {@code MariaDB 10.11.19-MariaDB; innodb_snapshot_isolation ON
     * (server default OFF); default isolation REPEATABLE READ (server default REPEATABLE-READ); sql_mode ...}.
     * This is what a run records as the engine's version, so that every verdict names the settings it held under.
     */
    public String versionAndSettings() {
        try (Connection c = connection()) {
            StringBuilder s = new StringBuilder(c.getMetaData().getDatabaseProductName()).append(' ')
                    .append(c.getMetaData().getDatabaseProductVersion());
            String isolation = Engine.isolationName(c.getTransactionIsolation());
            switch (engine.server()) {
                case H2 -> s.append("; MODE ").append(value(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'MODE'")).append("; default isolation ").append(isolation);
                case POSTGRESQL -> s.append("; default isolation ").append(isolation).append(" (server default ")
                        .append(value(c, "SELECT reset_val FROM pg_settings WHERE name = 'default_transaction_isolation'"))
                        .append(')');
                default -> {
                    String snapshot = value(c, "SELECT IF(@@SESSION.innodb_snapshot_isolation, 'ON', 'OFF')");
                    s.append("; innodb_snapshot_isolation ").append(snapshot).append(" (server default ")
                            .append(value(c, "SELECT IF(@@GLOBAL.innodb_snapshot_isolation, 'ON', 'OFF')")).append(')')
                            .append("; default isolation ").append(isolation).append(" (server default ")
                            .append(value(c, "SELECT @@GLOBAL.tx_isolation")).append(')')
                            .append("; sql_mode ").append(value(c, "SELECT @@SESSION.sql_mode"));
                }
            }
            return s.toString();
        } catch (SQLException e) {
            return engine.label() + " (version and settings unknown: " + e.getMessage() + ")";
        }
    }

    private static String value(Connection c, String query) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(query)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "unknown";
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
