package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.GateError;
import dev.oversell.engine.Engine;

import javax.sql.DataSource;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetFactory;
import javax.sql.rowset.RowSetProvider;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * A {@link DataSource} over the engine's own, in which the statements of a scheduled transaction wait their
 * turn. A connection taken on a thread that a {@link StatementGate} runs a purchase on is wrapped: each
 * statement execution ({@code execute*}), {@code commit}, {@code rollback}, {@code setAutoCommit(true)} in a
 * transaction and {@code close} of a connection with a transaction open is a scheduling point, which waits for
 * the gate's permission before it is sent and tells the gate when it returned (the gate asks the engine,
 * on another connection, whether a point that has not returned waits for a lock). Connections taken outside any
 * schedule (the design's start-up) work as the engine's own until a schedule runs; then whatever they would send
 * is refused with a {@link dev.oversell.properties.database.GateError} naming it (a connection kept from the
 * start-up and used inside a call would reach the engine unscheduled). One taken while a schedule runs on a thread
 * that works for none of its calls is refused likewise, naming the thread, and the schedule fails with it: its
 * statements would reach the engine in no order the gate chose. Nothing hands the engine's connection out:
 * {@code unwrap}, {@code getMetaData().getConnection()}, {@code getConnection()} of a statement and
 * {@code getStatement()} of a result set (a metadata result set has none) lead back to the wrapped connection, and
 * unwrapping to the driver's own classes is refused.
 *
 * <p>Query results are read in full when the statement returns (a {@link CachedRowSet} is handed to the code),
 * so that the transcript can say what each read returned and no later fetch talks to the engine out of turn.
 */
public final class SchedulingDataSource implements DataSource {

    private static final RowSetFactory ROW_SETS;

    static {
        try {
            ROW_SETS = RowSetProvider.newFactory();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DataSource delegate;
    private final Engine engine;
    /** How the design's tables reach one another; until the runner has read it, every statement may touch anything. */
    private volatile TableCoupling coupling = TableCoupling.NONE;
    /** The tables each statement text names ({@link StatementTables}), parsed once. */
    private final Map<String, Optional<Set<String>>> tablesBySql = new ConcurrentHashMap<>();
    /** The gate whose schedule runs now over this data source, or null between schedules. */
    private volatile StatementGate running;
    /**
     * The session id of each physical connection the pool handed out (keyed by the driver's own connection object,
     * held weakly): a pooled connection keeps its session, so its id is asked once, not once per schedule. A pool
     * that does not let its connections unwrap to the driver's is asked every time.
     */
    private final Map<Connection, Long> sessionIds = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** The scheduled transaction a thread works for: the call's own thread, or one its work was handed to. */
    private static final ThreadLocal<ScheduledTransaction> bound = new ThreadLocal<>();

    public SchedulingDataSource(DataSource delegate, Engine engine) {
        this.delegate = delegate;
        this.engine = engine;
    }

    /** The coupling of the design's tables, read once they exist ({@link TableCoupling#read}). */
    void coupling(TableCoupling coupling) {
        this.coupling = coupling;
    }

    /** {@code gate}'s schedule runs from now on (null: it is over): a connection taken on no call's thread is refused. */
    void running(StatementGate gate) {
        this.running = gate;
    }

    /** From now on, connections this thread takes belong to {@code transaction}. */
    void bind(ScheduledTransaction transaction) {
        bound.set(transaction);
    }

    void unbind() {
        bound.remove();
    }

    /** The scheduled transaction this thread works for, or null. */
    static ScheduledTransaction current() {
        return bound.get();
    }

    /**
     * This thread does work handed over by {@code transaction}'s call (a message an actor handles for it): its
     * connections are that transaction's, and the gate watches this thread while it does ({@link
     * ScheduledTransactionAccessor}).
     */
    static void bindWorker(ScheduledTransaction transaction) {
        unbindWorker();
        bound.set(transaction);
        transaction.worker(Thread.currentThread(), true);
    }

    /** The work handed over is done: this thread works for nobody. */
    static void unbindWorker() {
        ScheduledTransaction was = bound.get();
        bound.remove();
        if (was != null) {
            was.worker(Thread.currentThread(), false);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseOffSchedule();
        return scheduled(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseOffSchedule();
        return scheduled(delegate.getConnection(username, password));
    }

    /**
     * While a schedule runs, a thread that works for none of its calls takes no connection: the statements it sent
     * would reach the engine in no order the gate chose. The gate is told too, so that the schedule fails even if the
     * code swallows the error.
     */
    private void refuseOffSchedule() {
        StatementGate gate = running;
        if (gate != null && bound.get() == null) {
            GateError refused = new GateError("thread '" + Thread.currentThread().getName() + "' took a connection"
                    + " while a schedule ran, but works for none of its calls: its statements would reach the engine"
                    + " unscheduled, in an order the gate never chose. Work a call hands to a thread of its own must"
                    + " carry the caller's context (Micrometer's context propagation, e.g. ContextExecutorService.wrap,"
                    + " or an ActorSystem carryingSendersContext())");
            gate.offSchedule(refused.getMessage());
            throw refused;
        }
    }

    /** The driver's own connection under the pool's, or {@code connection} itself when it does not say. */
    private static Connection physical(Connection connection) {
        try {
            return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
        } catch (SQLException | RuntimeException e) {
            return connection;
        }
    }

    private Connection scheduled(Connection connection) throws SQLException {
        ScheduledTransaction transaction = bound.get();
        if (transaction == null) {
            return kept(connection); // no schedule runs (refuseOffSchedule): the design's start-up
        }
        long id;
        int isolation;
        try {
            Connection physical = physical(connection);
            Long known = sessionIds.get(physical);
            id = known != null ? known : engine.sessionId(connection);
            isolation = connection.getTransactionIsolation();
            if (!connection.getAutoCommit()) {
                connection.rollback(); // the session-id query must not open the code's transaction
            }
            if (known == null) {
                sessionIds.put(physical, id);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        Session session = new Session(transaction, connection, id, isolation);
        transaction.opened(session);
        session.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, session);
        return session.proxy;
    }

    /** One connection of a scheduled transaction: the engine's session, and whether a transaction is open on it. */
    final class Session implements InvocationHandler {

        final ScheduledTransaction transaction;
        final Connection connection;
        final long id;
        private Connection proxy;
        private volatile boolean closed;
        /** The last statement sent in the open transaction, null when none is open. */
        private volatile String uncommitted;
        private boolean inTransaction;
        /** Whether every statement of the open transaction was a plain read. */
        private boolean onlyPlainReads = true;
        private int isolation;

        Session(ScheduledTransaction transaction, Connection connection, long id, int isolation) {
            this.transaction = transaction;
            this.connection = connection;
            this.id = id;
            this.isolation = isolation;
        }

        /**
         * What a statement may touch: whether it is a plain read (a {@code SELECT} of base tables whose reading
         * runs no code of theirs, {@link TableCoupling#plainlyRead}, that takes no lock and changes nothing, below
         * SERIALIZABLE: MariaDB's and H2's lock what they read, and under PostgreSQL's the order of two reads may
         * decide which transaction the engine aborts), and the groups of the tables it names ({@link TableCoupling}); a write sent with
         * autocommit on commits itself, so it may touch anything another transaction goes on to read.
         */
        /** Whether the connection was closed (by the code, or by the gate after the call returned). */
        boolean closed() {
            return closed;
        }

        /** The gate closed the connection after its call returned. */
        void closedByTheGate() {
            closed = true;
        }

        /** The last statement sent in the open transaction; null when none is open. */
        String uncommitted() {
            return uncommitted;
        }

        /** Whether a transaction is open on the session, with autocommit off. */
        boolean midTransaction() {
            return midTransaction;
        }

        Footprint footprint(String verb, String text, String sql) throws SQLException {
            // a function may change anything (a procedure called in a SELECT): only a text that calls none but
            // arithmetic, aggregates and clocks can be a plain read
            Set<String> named = tablesNamed(sql);
            if (named != null) {
                named = new java.util.TreeSet<>(named);
                named.addAll(coupling.mentioned(sql)); // a name the parser took for something else
            }
            // a view, or a table with a row-level policy or a rule, runs code of its own when read
            boolean plainRead = plainRead(verb, text) && named != null && coupling.plainlyRead(named);
            Set<String> tables = coupling.groups(named);
            if (!plainRead && connection.getAutoCommit()) {
                tables = null;
            }
            return Footprint.statement(plainRead, tables);
        }

        /** The tables a statement's text names ({@link StatementTables}), parsed once per text; null if unbounded. */
        private Set<String> tablesNamed(String sql) {
            return tablesBySql.computeIfAbsent(sql, named -> Optional.ofNullable(StatementTables.of(named))).orElse(null);
        }

        private boolean plainRead(String verb, String text) {
            if (!verb.equals("select")) {
                return false;
            }
            String sql = text.toLowerCase(java.util.Locale.ROOT);
            if (sql.strip().replaceAll(";\\s*$", "").contains(";")) {
                return false; // more than one statement in the text
            }
            boolean locks = sql.matches("(?s).*\\bfor\\s+(update|share|no\\s+key\\s+update|key\\s+share)\\b.*")
                    || sql.matches("(?s).*\\block\\s+in\\s+share\\s+mode\\b.*");
            boolean changes = sql.matches("(?s).*\\b(nextval|setval|last_insert_id|get_lock|release_lock|pg_advisory\\w*)\\s*\\(.*")
                    || sql.matches("(?s).*\\bnext\\s+value\\s+for\\b.*");
            boolean serializable = isolation == Connection.TRANSACTION_SERIALIZABLE;
            return !locks && !changes && !serializable;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "createStatement":
                    return statement(Statement.class, (Statement) call(connection, method, args), null);
                case "prepareStatement":
                    return statement(PreparedStatement.class, (Statement) call(connection, method, args), (String) args[0]);
                case "prepareCall":
                    return statement(CallableStatement.class, (Statement) call(connection, method, args), (String) args[0]);
                case "commit":
                    return end("commit", "COMMIT", null, () -> call(connection, method, args));
                case "rollback":
                    if (args == null) {
                        return end("rollback", "ROLLBACK", null, () -> call(connection, method, args));
                    }
                    return transaction.point("rollback", "ROLLBACK TO SAVEPOINT", id, Footprint.END,
                            () -> new ScheduledTransaction.Sent<>(call(connection, method, args), null));
                case "setAutoCommit":
                    // commits only a transaction a statement opened: Spring's transaction managers and Hibernate
                    // turn autocommit back on after their COMMIT, when there is nothing left to send
                    if ((Boolean) args[0] && !connection.getAutoCommit() && inTransaction) {
                        return end("commit", "COMMIT", "setAutoCommit(true) commits", () -> call(connection, method, args));
                    }
                    return call(connection, method, args);
                case "unwrap":
                    return itselfOnly(proxy, args, "unwrap(");
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy);
                case "getMetaData":
                    return metaData((DatabaseMetaData) call(connection, method, args));
                case "setTransactionIsolation":
                    transaction.setting(isolation((Integer) args[0]));
                    Object set = call(connection, method, args);
                    isolation = (Integer) args[0];
                    return set;
                case "close":
                    if (!closed && uncommitted != null && !connection.getAutoCommit()) {
                        end("rollback", "ROLLBACK", "the connection was closed with its transaction open",
                                () -> call(connection, method, args));
                    } else {
                        call(connection, method, args);
                    }
                    closed = true;
                    return null;
                default:
                    return call(connection, method, args);
            }
        }

        /**
         * Sends the engine's quick deadlock check ({@link Engine#quickDeadlockCheckStatement()}) on the engine's own
         * connection, outside the script's points, just before a statement the gate granted with
         * {@link SchedulingPoint#quickDeadlockCheck}.
         */
        void checkDeadlocksQuickly() throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute(engine.quickDeadlockCheckStatement());
            }
        }

        private Object end(String verb, String text, String answer, Action action) throws SQLException {
            boolean inert = onlyPlainReads
                    && !(engine == Engine.POSTGRESQL && isolation == Connection.TRANSACTION_SERIALIZABLE);
            return transaction.point(verb, text, id, Footprint.end(inert), () -> {
                try {
                    return new ScheduledTransaction.Sent<>(action.run(), answer);
                } finally {
                    inTransaction = false;
                    onlyPlainReads = true;
                    uncommitted = null;
                }
            });
        }

        /**
         * An isolation level set in SQL ({@code SET TRANSACTION ISOLATION LEVEL ...}, {@code BEGIN ISOLATION LEVEL
         * ...}, MariaDB's {@code transaction_isolation}) rather than through JDBC: which one is not read, so the
         * session is taken to be at the level where reads lock and read-only commits take part in conflict checks.
         */
        void isolationInSql(String text) {
            if (text.toLowerCase(java.util.Locale.ROOT).contains("isolation")) {
                isolation = Connection.TRANSACTION_SERIALIZABLE;
            }
        }

        /** Records a statement of the open transaction (or, with autocommit on, of its own). */
        void sent(boolean plainRead) {
            if (!plainRead) {
                onlyPlainReads = false;
            }
        }

        /**
         * Whether the statement about to be sent is not its transaction's first, with autocommit off: the
         * transaction is open on the engine, so a {@code SET LOCAL} before it stays within it
         * ({@link SchedulingPoint#quickDeadlockCheck}). Read by the gate when it grants the point.
         */
        private volatile boolean midTransaction;

        /** Marks the start of a transaction ({@code BEGIN} in the script) before a statement sent with autocommit off. */
        void beforeStatement(String text) throws SQLException {
            midTransaction = !connection.getAutoCommit() && inTransaction;
            if (!connection.getAutoCommit()) {
                if (!inTransaction) {
                    transaction.setting("BEGIN");
                    inTransaction = true;
                }
                uncommitted = text;
            }
        }

        /** The engine's metadata, whose {@code getConnection()} gives the scheduled connection. */
        private DatabaseMetaData metaData(DatabaseMetaData meta) {
            return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                    new Class<?>[] {DatabaseMetaData.class}, (self, method, args) -> switch (method.getName()) {
                        case "getConnection" -> proxy;
                        case "unwrap" -> itselfOnly(self, args, "getMetaData().unwrap(");
                        case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self);
                        default -> {
                            Object value = call(meta, method, args);
                            // its statement is the driver's, on the engine's connection: a metadata result set has none
                            yield value instanceof ResultSet rows ? resultSet(rows, null) : value;
                        }
                    });
        }

        private Object statement(Class<? extends Statement> type, Statement statement, String sql) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    new StatementHandler(this, statement, sql));
        }

        private String isolation(int level) {
            return engine.isolationStatement(level);
        }
    }

    /** A statement of a scheduled connection: its executions are scheduling points; it remembers its parameters. */
    private static final class StatementHandler implements InvocationHandler {

        private final Session session;
        private final Statement statement;
        private final String sql;
        private final Map<Integer, Object> parameters = new TreeMap<>();
        private ResultSet current;

        StatementHandler(Session session, Statement statement, String sql) {
            this.session = session;
            this.statement = statement;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                return execute(method, args);
            }
            if (name.equals("getResultSet") && current != null) {
                ResultSet result = current;
                current = null;
                return result;
            }
            if (name.equals("getConnection")) {
                return session.proxy;
            }
            if (name.equals("unwrap")) {
                return itselfOnly(self, args, "a statement's unwrap(");
            }
            if (name.equals("isWrapperFor")) {
                return ((Class<?>) args[0]).isInstance(self);
            }
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, name.equals("setNull") ? null : args[1]);
            } else if (name.equals("clearParameters")) {
                parameters.clear();
            }
            Object value = call(statement, method, args);
            // generated keys, a result set the code asks for again: the driver's, whose getStatement() is the driver's
            return value instanceof ResultSet rows ? resultSet(rows, (Statement) self) : value;
        }

        private Object execute(Method method, Object[] args) throws SQLException {
            boolean ownSql = args != null && args.length > 0 && args[0] instanceof String;
            String text = ownSql ? (String) args[0] : sql == null ? "-- batch" : SqlText.inline(sql, parameters);
            String verb = ownSql ? SqlText.verb((String) args[0]) : sql == null ? "batch" : SqlText.verb(sql);
            session.beforeStatement(text);
            session.isolationInSql(text);
            Footprint footprint = session.footprint(verb, text, ownSql || sql == null ? text : sql);
            session.sent(footprint.plainRead());
            return session.transaction.point(verb, text, session.id, footprint, () -> {
                Object value = call(statement, method, args);
                if (value instanceof ResultSet rows) {
                    CachedRowSet read = read(rows);
                    return new ScheduledTransaction.Sent<>(read, rows(read));
                }
                if (value instanceof Boolean hasRows) {
                    if (hasRows) {
                        current = read(statement.getResultSet());
                        return new ScheduledTransaction.Sent<>(value, rows((CachedRowSet) current));
                    }
                    return new ScheduledTransaction.Sent<>(value, affected(statement.getUpdateCount()));
                }
                if (value instanceof Number count) {
                    return new ScheduledTransaction.Sent<>(value, affected(count.longValue()));
                }
                if (value instanceof int[] counts) {
                    return new ScheduledTransaction.Sent<>(value, "batch: " + Arrays.toString(counts));
                }
                if (value instanceof long[] counts) {
                    return new ScheduledTransaction.Sent<>(value, "batch: " + Arrays.toString(counts));
                }
                return new ScheduledTransaction.Sent<>(value, null);
            });
        }

        private static CachedRowSet read(ResultSet rows) throws SQLException {
            try (rows) {
                CachedRowSet read = ROW_SETS.createCachedRowSet();
                read.populate(rows);
                return read;
            }
        }

        /** {@code 1 row: (1)}, {@code 0 rows}, {@code 2 rows: ('a', 1), ('b', 2)}; leaves the cursor before the first row. */
        private static String rows(CachedRowSet read) throws SQLException {
            int columns = read.getMetaData().getColumnCount();
            StringJoiner shown = new StringJoiner(", ");
            int count = 0;
            read.beforeFirst();
            while (read.next()) {
                count++;
                if (count <= 5) {
                    StringJoiner row = new StringJoiner(", ", "(", ")");
                    for (int c = 1; c <= columns; c++) {
                        row.add(SqlText.literal(read.getObject(c)));
                    }
                    shown.add(row.toString());
                }
            }
            read.beforeFirst();
            return count + (count == 1 ? " row" : " rows") + (count == 0 ? "" : ": " + shown + (count > 5 ? ", ..." : ""));
        }

        private static String affected(long count) {
            return count + (count == 1 ? " row" : " rows") + " affected";
        }
    }

    /**
     * A result set of the driver's, whose {@code getStatement()} is {@code statement} (null for a metadata result set,
     * as JDBC allows) instead of the driver's own statement, from which the engine's connection is one call away.
     */
    private static ResultSet resultSet(ResultSet rows, Statement statement) {
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getStatement" -> statement;
                    case "unwrap" -> itselfOnly(self, args, "a result set's unwrap(");
                    case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self);
                    default -> call(rows, method, args);
                });
    }

    /**
     * A connection taken outside any schedule (the design's start-up): untouched while no schedule runs; once one
     * does, whatever it would send to the engine (a statement, a commit, a rollback, a metadata query) is refused
     * with a {@link GateError} naming it, and the gate is told, so that the schedule fails even if the code swallows
     * the error: a connection kept from the start-up and used inside a call would reach the engine unscheduled.
     * Its statements, metadata and result sets lead back to it, never to the engine's connection.
     */
    private Connection kept(Connection connection) {
        Connection[] proxy = new Connection[1];
        proxy[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> switch (method.getName()) {
                    case "createStatement", "prepareStatement", "prepareCall" -> {
                        Statement statement = (Statement) call(connection, method, args);
                        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                        yield keptStatement(statement, sql, proxy[0]);
                    }
                    case "commit", "rollback", "setAutoCommit", "setTransactionIsolation", "setSavepoint",
                         "releaseSavepoint" -> {
                        refuseKept(method.getName() + "()");
                        yield call(connection, method, args);
                    }
                    case "getMetaData" -> keptMetaData((DatabaseMetaData) call(connection, method, args), proxy[0]);
                    case "unwrap" -> itselfOnly(self, args, "unwrap(");
                    case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self);
                    default -> call(connection, method, args);
                });
        return proxy[0];
    }

    private Statement keptStatement(Statement statement, String sql, Connection connection) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("execute")) {
                        refuseKept("`" + (args != null && args.length > 0 && args[0] instanceof String text ? text
                                : sql == null ? "a batch" : sql) + "`");
                    }
                    switch (name) {
                        case "getConnection":
                            return connection;
                        case "unwrap":
                            return itselfOnly(self, args, "a statement's unwrap(");
                        case "isWrapperFor":
                            return ((Class<?>) args[0]).isInstance(self);
                        default:
                            Object value = call(statement, method, args);
                            return value instanceof ResultSet rows ? resultSet(rows, (Statement) self) : value;
                    }
                });
    }

    private DatabaseMetaData keptMetaData(DatabaseMetaData meta, Connection connection) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (self, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection;
                    case "unwrap" -> itselfOnly(self, args, "getMetaData().unwrap(");
                    case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self);
                    default -> {
                        boolean asks = ResultSet.class.isAssignableFrom(method.getReturnType());
                        if (asks) {
                            refuseKept("getMetaData()." + method.getName() + "(...)");
                        }
                        Object value = call(meta, method, args);
                        yield value instanceof ResultSet rows ? resultSet(rows, null) : value;
                    }
                });
    }

    /** While a schedule runs, a connection kept from the start-up sends nothing: a loud refusal, told to the gate. */
    private void refuseKept(String what) {
        StatementGate gate = running;
        if (gate != null) {
            GateError refused = new GateError("a connection taken outside any schedule (at the design's start-up) and"
                    + " kept was used while a schedule ran, on thread '" + Thread.currentThread().getName() + "': "
                    + what + " would reach the engine unscheduled, in an order the gate never chose. Take a"
                    + " connection from the data source inside each call (a pool hands the same one back cheaply)");
            gate.offSchedule(refused.getMessage());
            throw refused;
        }
    }

    /**
     * Refuses to hand out the driver's own connection or statement (its statements would bypass the gate): a loud
     * {@link SQLException} naming the call, in a schedule and out of one alike.
     */
    /**
     * What a wrapper of the gate's answers to {@code unwrap(type)}: itself, if it is such a type; never the driver's
     * object behind it ({@code call} names the call, up to its opening bracket, for the message).
     */
    private static Object itselfOnly(Object self, Object[] args, String call) throws SQLException {
        Class<?> type = (Class<?>) args[0];
        if (type.isInstance(self)) {
            return self;
        }
        throw handsOutTheEngine(call + type.getName() + ")");
    }

    private static SQLException handsOutTheEngine(String what) {
        return new SQLException(what + " would hand out the driver's own object, whose statements the statement"
                + " gate cannot schedule; Oversell refuses it (use the connection and statements as given)");
    }

    @FunctionalInterface
    private interface Action {
        Object run() throws SQLException;
    }

    private static Object call(Object target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (running != null) {
            // the pool's own connections would reach the engine in no order the gate chose; before and after a
            // schedule (a framework's start-up, its health checks) the pool is handed out as it is
            throw handsOutTheEngine("the data source's unwrap(" + type.getName() + ") while a schedule runs");
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
