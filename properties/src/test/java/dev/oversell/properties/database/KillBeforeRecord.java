package dev.oversell.properties.database;

import dev.oversell.store.Database;
import dev.oversell.engine.Engine;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A fault (Jepsen's nemesis, in miniature): a {@link Database} whose connections, once armed, have the engine
 * kill their own session just before a purchase's answer is recorded ({@code INSERT INTO <purchases table>}),
 * that is, after the design's write and before its record. It fires once per arming. Every design reaches its
 * store through this database, whatever stands in front (a monitor, an actor, an owner), so one fault serves
 * them all.
 */
final class KillBeforeRecord implements AutoCloseable {

    private final Database pool;
    private final AtomicReference<String> armedFor = new AtomicReference<>();
    private final Database faulty;
    private volatile boolean fired;

    KillBeforeRecord(Database pool) {
        this.pool = pool;
        this.faulty = new Database(pool.engine(), new Faulty(), pool + ", killing a session before its record",
                pool.lockTimeoutMillis(),
                pool);
    }

    /** The database that injects the fault. Closing this closes the pool under it. */
    Database database() {
        return faulty;
    }

    /** The next {@code INSERT INTO purchasesTable} on any connection kills that connection's session first. */
    void arm(String purchasesTable) {
        fired = false;
        armedFor.set(("INSERT INTO " + purchasesTable).toLowerCase(Locale.ROOT));
    }

    /** Whether the armed fault fired (a test that injected nothing must not pass). */
    boolean fired() {
        return fired;
    }

    private Connection faulty(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        String armed = armedFor.get();
                        if (armed != null && sql.toLowerCase(Locale.ROOT).startsWith(armed)
                                && armedFor.compareAndSet(armed, null)) {
                            kill(real);
                            pool.evict(real); // the pool must not hand the dead connection out again
                            fired = true;
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Has the engine end {@code victim}'s session, from another connection; returns once it is gone. */
    private void kill(Connection victim) throws SQLException {
        Engine engine = pool.engine();
        long session = engine.sessionId(victim);
        String kill = switch (engine.server()) {
            case POSTGRESQL -> "SELECT pg_terminate_backend(" + session + ", 5000)";
            case MARIADB, MARIADB_SNAPSHOT_ISOLATION -> "KILL " + session;
            case H2 -> "CALL ABORT_SESSION(" + session + ")";
        };
        try (Connection other = pool.connection(); Statement s = other.createStatement()) {
            s.execute(kill);
        }
    }

    @Override
    public void close() {
        faulty.close();
    }

    private final class Faulty implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return faulty(pool.connection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return faulty(pool.dataSource().getConnection(user, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.dataSource().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.dataSource().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.dataSource().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.dataSource().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.dataSource().getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.dataSource().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.dataSource().isWrapperFor(type);
        }
    }
}
