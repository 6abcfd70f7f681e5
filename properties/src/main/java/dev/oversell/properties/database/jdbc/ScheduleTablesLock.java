package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.GateError;
import dev.oversell.store.Database;
import dev.oversell.engine.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run at a time uses the schedules' tables of a database server. The gate's tables have the same names in
 * every run ({@code ovs_sched_stock}, a design's own {@code stock_item}), so that a script replays as printed; two
 * runs on one server (two builds on one machine, two developers on a shared server, two CI jobs on one service)
 * would empty and refill each other's tables in the middle of an execution: a purchase's row gone before it is
 * counted hides an oversell, a unit put back makes one up. So the first runner of a JVM on a server takes the
 * server's lock for Oversell's schedules, an advisory lock on PostgreSQL ({@code pg_advisory_lock}, scoped to the
 * database) and a user lock on MariaDB ({@code GET_LOCK}, named after the database), on a connection of its own;
 * the last runner of the JVM to close lets it go. A run that finds it held waits, saying so and naming the holder's
 * session, for up to {@link #WAIT}; then it fails, never runs beside the other. H2 here is embedded and private to
 * its JVM: nothing to share.
 */
final class ScheduleTablesLock {

    /** How long a run waits for another run on the same server to finish with the tables. */
    static final Duration WAIT = Duration.ofMinutes(30);
    private static final long PG_KEY = 0x4f76657273656c6cL; // "Oversell"
    private static final long POLL_MILLIS = 200;
    private static final long SAY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** The lock held by this JVM, per server: its connection and how many runners use it. Guarded by the class. */
    private static final Map<String, Held> HELD = new HashMap<>();

    private record Held(Connection connection, String name, int users) {
    }

    private ScheduleTablesLock() {
    }

    /**
     * Takes the server's lock for this JVM, or counts one more user of it; {@code said} hears each line said while
     * waiting for another run. Returns the key to hand to {@link #release}, or null where nothing is shared (H2).
     */
    static String acquire(Database database, Consumer<String> said) throws SQLException, InterruptedException {
        Engine server = database.engine().server();
        if (server != Engine.POSTGRESQL && server != Engine.MARIADB) {
            return null;
        }
        Connection connection = database.connection();
        boolean kept = false;
        try {
            String where = where(connection, server);
            String key = server + " " + where;
            synchronized (ScheduleTablesLock.class) {
                Held held = HELD.get(key);
                if (held != null) {
                    HELD.put(key, new Held(held.connection(), held.name(), held.users() + 1));
                    return key;
                }
                String name = name(where);
                long start = System.nanoTime();
                long saidAt = start - SAY_EVERY_NANOS;
                while (!tryLock(connection, server, name)) {
                    long now = System.nanoTime();
                    if (now - start > WAIT.toNanos()) {
                        throw new GateError("another run on " + where + " (" + holder(connection, server, name)
                                + ") kept Oversell's schedule tables for over " + WAIT.toMinutes() + " minutes: the"
                                + " tables have the same names in every run, so this run did not start beside it");
                    }
                    if (now - saidAt >= SAY_EVERY_NANOS) {
                        said.accept("[database] !!! another run on " + where + " (" + holder(connection, server, name)
                                + ") is using Oversell's schedule tables, which have the same names in every run:"
                                + " waiting for it to finish (at most " + WAIT.toMinutes() + " minutes)");
                        saidAt = now;
                    }
                    ScheduleTablesLock.class.wait(POLL_MILLIS);
                    Held meanwhile = HELD.get(key); // another runner of this JVM took it while this one waited
                    if (meanwhile != null) {
                        HELD.put(key, new Held(meanwhile.connection(), meanwhile.name(), meanwhile.users() + 1));
                        return key;
                    }
                }
                HELD.put(key, new Held(connection, name, 1));
                kept = true;
                return key;
            }
        } finally {
            if (!kept) {
                connection.close();
            }
        }
    }

    /** One user fewer of the server's lock; the last lets it go. */
    static void release(Database database, String key) throws SQLException {
        if (key == null) {
            return;
        }
        Held held;
        synchronized (ScheduleTablesLock.class) {
            held = HELD.get(key);
            if (held == null) {
                return;
            }
            if (held.users() > 1) {
                HELD.put(key, new Held(held.connection(), held.name(), held.users() - 1));
                return;
            }
            HELD.remove(key);
        }
        try (Connection connection = held.connection()) {
            unlock(connection, database.engine().server(), held.name());
        }
    }

    /** The lock's name on MariaDB (PostgreSQL's advisory lock is a number, scoped to the database). */
    static String name(Connection connection, Engine server) throws SQLException {
        return name(where(connection, server));
    }

    private static String name(String where) {
        String full = "oversell_schedules." + where;
        return full.length() <= 64 ? full : full.substring(0, 64); // MariaDB's longest lock name
    }

    /** The database the connection is on, as the server names it (the lock's scope). */
    private static String where(Connection connection, Engine server) throws SQLException {
        String sql = server == Engine.POSTGRESQL
                ? "SELECT current_database() || '@' || coalesce(host(inet_server_addr()), 'local') || ':'"
                        + " || coalesce(inet_server_port(), 0)"
                : "SELECT CONCAT(DATABASE(), '@', @@hostname, ':', @@port)";
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Takes the server's lock on {@code connection} if it is free (another run's, in a test). */
    static boolean tryLock(Connection connection, Engine server, String name) throws SQLException {
        String sql = server == Engine.POSTGRESQL ? "SELECT pg_try_advisory_lock(" + PG_KEY + ")" : "SELECT GET_LOCK(?, 0)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (server != Engine.POSTGRESQL) {
                s.setString(1, name);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return server == Engine.POSTGRESQL ? rs.getBoolean(1) : rs.getInt(1) == 1;
            }
        }
    }

    static void unlock(Connection connection, Engine server, String name) throws SQLException {
        String sql = server == Engine.POSTGRESQL ? "SELECT pg_advisory_unlock(" + PG_KEY + ")" : "SELECT RELEASE_LOCK(?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (server != Engine.POSTGRESQL) {
                s.setString(1, name);
            }
            s.executeQuery().close();
        }
    }

    /** Who holds the lock, as the server says: a session id, or that it could not tell. */
    private static String holder(Connection connection, Engine server, String name) throws SQLException {
        String sql = server == Engine.POSTGRESQL
                ? "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM"
                        + " pg_database WHERE datname = current_database()) AND ((classid::bigint << 32) | objid::bigint) = "
                        + PG_KEY
                : "SELECT IS_USED_LOCK(?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (server != Engine.POSTGRESQL) {
                s.setString(1, name);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? "session " + rs.getLong(1) : "its session not named";
            }
        }
    }
}
