package dev.oversell.engine;

import dev.oversell.script.FencedOut;
import dev.oversell.script.VersionConflict;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The database engines Oversell measures, each a column of the verdicts: an engine <em>with the settings that
 * decide verdicts</em>, because the same SQL is safe or not depending on them. Every column pins those settings
 * on each session it opens (see {@link #sessionSettings()} and {@link #defaultIsolation()}), so that a claim
 * names them and a verdict does not change with a server's configuration; the runtime's {@code Database#versionAndSettings()}
 * records what the server said, beside its own defaults. MariaDB is two columns: InnoDB's
 * {@code innodb_snapshot_isolation} OFF (the default of 10.11, and of every MariaDB before 11.6.2) and ON (the
 * default from 11.6.2): with it ON, a REPEATABLE READ transaction that writes a row changed since its snapshot
 * is refused ({@code ERROR 1020 Record has changed since last read}) instead of losing the other's update.
 *
 * <p>Besides, the little each engine does differently: how it reports a failure that a retry may cure, how a
 * session tells whether it is waiting for a lock, and how a lock wait is bounded. The SQL of the designs
 * themselves is the same on every engine.
 */
public enum Engine {

    /** H2 2.x, embedded in the JVM: the default, needs nothing installed. */
    H2("H2", "SELECT SESSION_ID()",
            // H2 names a blocker for a row lock. A session whose blocker has just committed still names it until its
            // thread wakes: it counts only while the blocker holds uncommitted changes (its locks), so that the gate,
            // asking right after a commit, waits for the woken statement instead of taking it as blocked. H2 lists a
            // session that waits for another's uncommitted entry of a unique index (an INSERT of the same key) as
            // merely running: how long it has run is the second column (see LockWait.RunningLong)
            "SELECT B.SESSION_ID, CASE WHEN W.EXECUTING_STATEMENT IS NOT NULL THEN DATEDIFF(MILLISECOND,"
                    + " W.EXECUTING_STATEMENT_START, CURRENT_TIMESTAMP) END FROM INFORMATION_SCHEMA.SESSIONS W"
                    + " LEFT JOIN INFORMATION_SCHEMA.SESSIONS B ON B.SESSION_ID = W.BLOCKER_ID AND B.CONTAINS_UNCOMMITTED"
                    + " WHERE W.SESSION_ID = ?",
            "SET LOCK_TIMEOUT %d", Connection.TRANSACTION_READ_COMMITTED, List.of()),

    /** PostgreSQL (15 here), through pgjdbc. */
    POSTGRESQL("PostgreSQL", "SELECT pg_backend_pid()",
            "SELECT b FROM unnest(pg_blocking_pids(CAST(? AS integer))) AS b",
            "SET lock_timeout = %d", Connection.TRANSACTION_READ_COMMITTED, List.of()),

    /** MariaDB (10.11 here) with InnoDB, through MariaDB Connector/J, {@code innodb_snapshot_isolation} OFF. */
    MARIADB("MariaDB", "SELECT CONNECTION_ID()",
            "SHOW ENGINE INNODB STATUS", // parsed: see lockWait
            "SET SESSION innodb_lock_wait_timeout = %d", Connection.TRANSACTION_REPEATABLE_READ,
            List.of("innodb_snapshot_isolation = OFF")),

    /**
     * The same MariaDB server with {@code innodb_snapshot_isolation} ON on every session, as MariaDB 11.6.2 and
     * later have it by default. A server without the setting (MariaDB before 10.6.18, MySQL) cannot be this column.
     */
    MARIADB_SNAPSHOT_ISOLATION("MariaDB, snapshot isolation", "SELECT CONNECTION_ID()",
            "SHOW ENGINE INNODB STATUS",
            "SET SESSION innodb_lock_wait_timeout = %d", Connection.TRANSACTION_REPEATABLE_READ,
            List.of("innodb_snapshot_isolation = ON"));

    private final String label;
    private final String sessionIdQuery;
    private final String waitingForLockQuery;
    private final String lockTimeoutStatement;
    private final int defaultIsolation;
    private final List<String> sessionSettings;

    Engine(String label, String sessionIdQuery, String waitingForLockQuery, String lockTimeoutStatement,
           int defaultIsolation, List<String> sessionSettings) {
        this.label = label;
        this.sessionIdQuery = sessionIdQuery;
        this.waitingForLockQuery = waitingForLockQuery;
        this.lockTimeoutStatement = lockTimeoutStatement;
        this.defaultIsolation = defaultIsolation;
        this.sessionSettings = sessionSettings;
    }

    public String label() {
        return label;
    }

    /**
     * The name used in settings and file names: {@code h2}, {@code postgresql}, {@code mariadb},
     * {@code mariadb-snapshot-isolation}.
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The column whose key is {@code key} (as {@link #key()} gives it; case and {@code _} for {@code -} do not matter). */
    public static Engine ofKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Engine engine : values()) {
            if (engine.key().equals(wanted)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("no engine " + key + "; the engines are "
                + java.util.Arrays.stream(values()).map(Engine::key).toList());
    }

    /**
     * The kind of server this column runs on, whose driver, dialect and connection settings it uses: itself,
     * but for {@link #MARIADB_SNAPSHOT_ISOLATION}, which is a MariaDB server with other session settings.
     */
    public Engine server() {
        return this == MARIADB_SNAPSHOT_ISOLATION ? MARIADB : this;
    }

    /**
     * The isolation level a transaction gets when the code does not choose one: the engine's documented default
     * (READ COMMITTED on H2 and PostgreSQL, REPEATABLE READ on MariaDB), pinned on every connection of the
     * column's pool whatever the server is configured with, as a {@link Connection} constant.
     */
    public int defaultIsolation() {
        return defaultIsolation;
    }

    /**
     * The server settings, {@code name = value}, that this column pins on every session (with
     * {@code SET SESSION}) because verdicts depend on them; empty when none beyond the default isolation.
     */
    public List<String> sessionSettings() {
        return sessionSettings;
    }

    /** The statement that pins {@link #sessionSettings()} on a session, or empty when there are none. */
    public java.util.Optional<String> sessionSettingsStatement() {
        return sessionSettings.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("SET SESSION " + String.join(", SESSION ", sessionSettings));
    }

    /**
     * What a pool runs on each new connection of this column: the lock-wait bound and the pinned
     * {@link #sessionSettings()}, in one statement (a pool runs one; MariaDB's {@code SET} takes several).
     */
    public String connectionInitSql(int lockTimeoutMillis) {
        return sessionSettings.isEmpty() ? lockTimeoutStatement(lockTimeoutMillis)
                : lockTimeoutStatement(lockTimeoutMillis) + ", SESSION " + String.join(", SESSION ", sessionSettings);
    }

    /** The statement that sets a session's default isolation level on this engine. */
    public String isolationStatement(int level) {
        return (server() == MARIADB ? "SET SESSION TRANSACTION ISOLATION LEVEL "
                : "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ") + isolationName(level);
    }

    /**
     * What every session of this column runs before its first statement, as a person replaying a script by hand
     * types it: the pinned default isolation and {@link #sessionSettings()}.
     */
    public List<String> sessionSetup() {
        List<String> setup = new java.util.ArrayList<>();
        setup.add(isolationStatement(defaultIsolation));
        sessionSettingsStatement().ifPresent(setup::add);
        return List.copyOf(setup);
    }

    /** An isolation level's SQL name ({@code REPEATABLE READ}) from its {@link Connection} constant. */
    public static String isolationName(int level) {
        return switch (level) {
            case Connection.TRANSACTION_NONE -> "NONE";
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "level " + level;
        };
    }

    /** What kind of failure an exception is, as far as retrying and classifying schedules go. */
    public Failure classify(SQLException e) {
        if (e instanceof VersionConflict) {
            return Failure.VERSION_CONFLICT;
        }
        if (e instanceof FencedOut) {
            return Failure.FENCED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Failure failure = classifyOne(sql);
                if (failure != Failure.OTHER) {
                    return failure;
                }
            }
        }
        return Failure.OTHER;
    }

    private Failure classifyOne(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        return switch (server()) {
            case POSTGRESQL -> switch (state) {
                case "40001" -> Failure.SERIALIZATION;
                case "40P01" -> Failure.DEADLOCK;
                case "55P03" -> Failure.LOCK_TIMEOUT;
                case "23505" -> Failure.DUPLICATE_KEY;
                case "57P01", "57P02", "57P03" -> Failure.CONNECTION; // the server ended the session (terminated, shutting down)
                default -> state.startsWith("08") ? Failure.CONNECTION : Failure.OTHER;
            };
            case MARIADB, MARIADB_SNAPSHOT_ISOLATION -> switch (code) {
                case 1213 -> Failure.DEADLOCK;
                case 1020 -> Failure.SERIALIZATION; // "Record has changed since last read" (innodb_snapshot_isolation)
                case 1205 -> Failure.LOCK_TIMEOUT;
                case 1062 -> Failure.DUPLICATE_KEY;
                default -> state.startsWith("40") ? Failure.SERIALIZATION
                        : state.startsWith("08") ? Failure.CONNECTION : Failure.OTHER;
            };
            case H2 -> switch (code) {
                case 40001 -> h2DeadlockVictim(e) ? Failure.DEADLOCK // DEADLOCK_1: a deadlock's victim, or
                        : Failure.SERIALIZATION;         // how H2 refuses a write-write conflict
                case 90131 -> Failure.SERIALIZATION;     // CONCURRENT_UPDATE_1: row changed by a committed transaction
                // 90143 (ROW_NOT_FOUND_IN_PRIMARY_INDEX) is not here: an index pointing at a row the table does
                // not have is not a conflict between transactions, and a retry is no cure: OTHER, not retried
                case 50200 -> Failure.LOCK_TIMEOUT;      // LOCK_TIMEOUT_1
                case 23505 -> Failure.DUPLICATE_KEY;
                case 90067, 90098, 90121 -> Failure.CONNECTION; // connection broken, database closed
                default -> state.startsWith("40") ? Failure.SERIALIZATION : Failure.OTHER;
            };
        };
    }

    /**
     * Whether H2's {@code DEADLOCK_1} (40001) refused a deadlock's victim, not a write-write conflict, which H2 raises
     * with the same code: the cause H2 attaches says "has been chosen as a deadlock victim" for a cycle of row locks
     * ({@code org.h2.mvstore.tx.Transaction}), and there is no cause for a cycle of table locks
     * ({@code MVTable.doLock1}); a write-write conflict carries an empty one ({@code TxDecisionMaker}).
     */
    private static boolean h2DeadlockVictim(SQLException e) {
        if (e.getCause() == null) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("has been chosen as a deadlock victim")) {
                return true;
            }
        }
        return false;
    }

    /** This connection's session id, as {@link #lockWait} wants it. */
    public long sessionId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sessionIdQuery)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How long a statement runs on H2 before {@link #lockWait} reports it {@link LockWait.RunningLong}. */
    public static final long RUNNING_LONG_MILLIS = 500;

    /**
     * Whether the session {@code sessionId} is waiting for a lock now, and behind whom, asked on another connection.
     * The answer is the engine's live state: {@code pg_blocking_pids} on PostgreSQL (the blockers named); on H2,
     * {@code INFORMATION_SCHEMA.SESSIONS} (a blocker named while it holds uncommitted changes; else a statement
     * running past {@value #RUNNING_LONG_MILLIS} ms is {@link LockWait.RunningLong}, a guess left to the caller); on
     * MariaDB the transaction list of {@code SHOW ENGINE INNODB STATUS} for a row lock (its
     * {@code information_schema.INNODB_TRX} is a cache that is refreshed only when nobody has read it for 0.1 s, so
     * a probe that follows another within 0.1 s sees old news), and {@code information_schema.PROCESSLIST}'s state
     * for the waits InnoDB does not list: a metadata lock, a table lock, a user lock ({@code GET_LOCK}). MariaDB
     * names no blocker.
     */
    public LockWait lockWait(Connection monitor, long sessionId) throws SQLException {
        if (server() == MARIADB) {
            if (innodbSaysWaiting(monitor, sessionId)) {
                return new LockWait.Behind(List.of(), "InnoDB LOCK WAIT");
            }
            String state = processState(monitor, sessionId);
            return state != null && waitsForALock(state) ? new LockWait.Behind(List.of(), state) : LockWait.NONE;
        }
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement s = monitor.prepareStatement(waitingForLockQuery)) {
                s.setLong(1, sessionId);
                try (ResultSet rs = s.executeQuery()) {
                    if (this == POSTGRESQL) {
                        List<Long> blockers = new java.util.ArrayList<>();
                        while (rs.next()) {
                            blockers.add(rs.getLong(1));
                        }
                        return blockers.isEmpty() ? LockWait.NONE : new LockWait.Behind(blockers, "pg_blocking_pids");
                    }
                    if (!rs.next()) {
                        return LockWait.NONE;
                    }
                    long blocker = rs.getLong(1);
                    if (!rs.wasNull()) {
                        return new LockWait.Behind(List.of(blocker), "BLOCKER_ID");
                    }
                    long running = rs.getLong(2);
                    return !rs.wasNull() && running > RUNNING_LONG_MILLIS ? new LockWait.RunningLong(running)
                            : LockWait.NONE;
                }
            } catch (SQLException e) {
                // H2 2.3 lists its sessions without a lock: one whose transaction is ending at that moment makes
                // the listing fail with a general error (50000, a NullPointerException inside); ask again
                if (this != H2 || e.getErrorCode() != 50000 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Whether a MariaDB thread state ({@code information_schema.PROCESSLIST.STATE}) is a wait for a lock:
     * {@code User lock} ({@code GET_LOCK}), {@code Waiting for table metadata lock}, {@code Waiting for table level
     * lock} and the other {@code Waiting for ... lock} states.
     */
    public static boolean waitsForALock(String state) {
        String s = state.strip();
        return s.equalsIgnoreCase("User lock") || s.startsWith("Waiting for") && s.contains("lock");
    }

    /** MariaDB's state of a connection's thread ({@code information_schema.PROCESSLIST}), or null if none. */
    private static String processState(Connection monitor, long sessionId) throws SQLException {
        try (PreparedStatement s = monitor.prepareStatement(
                "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            s.setLong(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * What the session {@code sessionId} is, in a line, asked on {@code monitor}: its state and the statement it
     * runs or ran last ({@code pg_stat_activity}, H2's {@code INFORMATION_SCHEMA.SESSIONS}, MariaDB's
     * {@code PROCESSLIST}); for a message that names a session outside a schedule.
     */
    public String describeSession(Connection monitor, long sessionId) throws SQLException {
        String query = switch (server()) {
            case POSTGRESQL -> "SELECT concat_ws(', ', 'application ' || quote_literal(application_name),"
                    + " 'state ' || state, 'query ' || quote_literal(query)) FROM pg_stat_activity WHERE pid = ?";
            case H2 -> "SELECT CONCAT('statement ', COALESCE(EXECUTING_STATEMENT, 'none'), ', uncommitted changes ',"
                    + " CONTAINS_UNCOMMITTED) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ?";
            default -> "SELECT CONCAT('command ', COMMAND, ', state ', COALESCE(STATE, ''), ', query ',"
                    + " COALESCE(INFO, '')) FROM information_schema.PROCESSLIST WHERE ID = ?";
        };
        try (PreparedStatement s = monitor.prepareStatement(query)) {
            s.setLong(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "gone";
            }
        }
    }

    private static final java.util.regex.Pattern INNODB_TRANSACTION = java.util.regex.Pattern.compile("\n---TRANSACTION ");

    /**
     * A transaction of the InnoDB monitor's list is this session's ("thread id N,"), shows "LOCK WAIT" and the lock it
     * has been waiting for.
     */
    private static boolean innodbSaysWaiting(Connection monitor, long sessionId) throws SQLException {
        String status;
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("SHOW ENGINE INNODB STATUS")) {
            if (!rs.next()) {
                throw new SQLException("SHOW ENGINE INNODB STATUS returned nothing: cannot tell a lock wait");
            }
            status = rs.getString("Status");
        }
        return innodbSaysWaiting(status, sessionId);
    }

    /**
     * Whether the text of {@code SHOW ENGINE INNODB STATUS} lists the session {@code sessionId}'s transaction as
     * waiting for a lock now.
     */
    static boolean innodbSaysWaiting(String status, long sessionId) {
        String thread = "thread id " + sessionId + ",";
        String[] sections = INNODB_TRANSACTION.split(status);
        // the first section is the monitor's header, and its LATEST DETECTED DEADLOCK names the sessions of a past
        // deadlock with the words of a wait: only the sections after it are the transactions of now
        for (int i = 1; i < sections.length; i++) {
            String transaction = sections[i];
            if (transaction.contains(thread)) {
                // the transaction's state, and the lock it waits for ("TRX HAS BEEN WAITING ... FOR THIS LOCK TO BE
                // GRANTED"), printed from the lock itself
                return transaction.contains("\nLOCK WAIT ") && transaction.contains("TRX HAS BEEN WAITING");
            }
        }
        return false;
    }

    /** Bounds every lock wait of this connection's session. */
    public void setLockTimeout(Connection connection, int millis) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(lockTimeoutStatement(millis));
        }
    }

    /**
     * PostgreSQL looks for a cycle of lock waits once, {@code deadlock_timeout} (1 s by default) after a wait
     * begins; MariaDB and H2 look at once. This statement makes the open transaction look 1 ms after its next wait
     * begins ({@code SET LOCAL}: it ends with the transaction); null on the engines that need none. Setting
     * {@code deadlock_timeout} takes a superuser or a grant ({@link #mayCheckDeadlocksQuickly}).
     */
    public String quickDeadlockCheckStatement() {
        return this == POSTGRESQL ? "SET LOCAL deadlock_timeout = '1ms'" : null;
    }

    /** Whether {@code connection}'s user may run {@link #quickDeadlockCheckStatement()} (false where there is none). */
    public boolean mayCheckDeadlocksQuickly(Connection connection) throws SQLException {
        if (quickDeadlockCheckStatement() == null) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        try {
            return asks(connection, "SELECT current_setting('is_superuser') = 'on'")
                    || asks(connection, "SELECT has_parameter_privilege('deadlock_timeout', 'SET')");
        } catch (SQLException e) {
            return false; // before PostgreSQL 15 there is no has_parameter_privilege: a superuser only
        } finally {
            if (!autoCommit) {
                connection.rollback();
            }
        }
    }

    private static boolean asks(Connection connection, String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The statement that bounds a session's lock waits (MariaDB counts whole seconds, at least 1). */
    public String lockTimeoutStatement(int millis) {
        return lockTimeoutStatement.formatted(server() == MARIADB ? Math.max(1, (millis + 999) / 1000) : millis);
    }

    /** Kinds of failure a transaction step can end in. */
    public enum Failure {
        /** The engine refused to serialise the transaction (SQLSTATE 40001 and kin); a retry may succeed. */
        SERIALIZATION(true),
        /** The engine broke a deadlock by aborting this transaction (40P01, MariaDB 1213); a retry may succeed. */
        DEADLOCK(true),
        /** A lock wait outlasted the lock timeout; a retry may succeed. */
        LOCK_TIMEOUT(true),
        /** A concurrent submission of the same request id committed first; a retry finds its answer. */
        DUPLICATE_KEY(true),
        /** An optimistic update found the version changed since it was read; a retry reads it afresh. */
        VERSION_CONFLICT(true),
        /**
         * A single owner's write carried an old fencing token: another instance took the product over. Not
         * retried by this instance (it would be refused again); the caller re-routes to the new owner.
         */
        FENCED(false),
        /** The connection is gone. */
        CONNECTION(false),
        OTHER(false);

        private final boolean retryable;

        Failure(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
