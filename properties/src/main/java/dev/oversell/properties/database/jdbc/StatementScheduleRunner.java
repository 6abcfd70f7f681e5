package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Finding;
import dev.oversell.properties.database.Interleavings;
import dev.oversell.properties.database.LockProbe;
import dev.oversell.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every interleaving of two calls of unmodified JDBC purchase code, at statement granularity, on a real engine.
 *
 * <p>The user supplies the schema ({@link JdbcSchema}: DDL and a stock reader) and the purchase as plain code
 * over a {@code DataSource} ({@link JdbcPurchase}); nobody writes steps. The runner first runs each call alone
 * (from {@value #INITIAL_STOCK} unit of {@value #PRODUCT}), which discovers the statements it sends, then plans
 * every interleaving of those statements ({@link Interleavings#of}) and runs each through the
 * {@link StatementGate} with fresh tables. Code that takes another path under some schedule is run as it goes
 * and recorded ({@link JdbcScheduleOutcome#divergences()}); a schedule is never reported as run as planned
 * when it was not. Each schedule is judged by its accounts: the units that existed, the units the calls said
 * they sold, the stock read afterwards; then whether the answers fit a sequential order.
 *
 * <p>A call that throws makes its schedule an error, never "held"; the gate's own failures (a missed lock wait,
 * code that hangs or never commits) are a {@link dev.oversell.properties.database.GateError}. The tables are
 * dropped and every connection closed whatever the outcome.
 */
public final class StatementScheduleRunner {

    public static final String PRODUCT = "sku-1";
    public static final long INITIAL_STOCK = 1;
    static final int QUANTITY = 1;
    static final int CALLS = 2;
    static final Duration BOUND = Duration.ofSeconds(20);
    private static final int DDL_TIMEOUT_SECONDS = 30;

    private final String design;
    private final Database database;
    private final JdbcSchema schema;
    private final JdbcPurchase purchase;
    private LockProbe probe;
    private Duration bound = BOUND;
    private SchedulingDataSource scheduling;

    public StatementScheduleRunner(String design, Database database, JdbcSchema schema, JdbcPurchase purchase) {
        this.design = design;
        this.database = database;
        this.schema = schema;
        this.purchase = purchase;
        this.probe = LockProbe.of(database.engine());
    }

    /** How the gate learns of lock waits (a test may blind it). */
    public StatementScheduleRunner probe(LockProbe probe) {
        this.probe = probe;
        return this;
    }

    /** How long a statement may run without returning or blocking, and code between statements may run. */
    public StatementScheduleRunner bound(Duration bound) {
        this.bound = bound;
        return this;
    }

    /**
     * Runs the calls over {@code scheduling} instead of a scheduling data source of the runner's own: for a design
     * built once over it (a Spring context, an {@code EntityManagerFactory}) whose calls use it rather than the
     * data source they are handed. It must wrap this runner's database's own data source.
     */
    public StatementScheduleRunner over(SchedulingDataSource scheduling) {
        if (scheduling.delegate() != database.dataSource()) {
            throw new IllegalArgumentException("the scheduling DataSource given for " + design + " does not wrap the"
                    + " data source of " + database + ": the gate would not see the statements the calls send");
        }
        this.scheduling = scheduling;
        return this;
    }

    public JdbcInterleavings run() throws SQLException, InterruptedException {
        long start = System.nanoTime();
        SchedulingDataSource scheduling = this.scheduling != null ? this.scheduling
                : new SchedulingDataSource(database.dataSource(), database.engine());
        try {
            resetTables();
            checkStockReader();
            List<JdbcScheduleOutcome> alone = new ArrayList<>();
            List<List<String>> statements = new ArrayList<>();
            int[] counts = new int[CALLS];
            for (int t = 1; t <= CALLS; t++) {
                StatementGate gate = gate(scheduling);
                alone.add(runOne(gate, t, List.of(call(t)), List.of(), "T" + t + " alone"));
                statements.add(gate.ran.stream().map(p -> p.text).toList());
                counts[t - 1] = gate.ran.size();
            }
            List<JdbcScheduleOutcome> schedules = new ArrayList<>();
            if (alone.stream().noneMatch(JdbcScheduleOutcome::errored)) {
                List<List<String>> verbs = new ArrayList<>();
                for (List<String> sent : statements) {
                    verbs.add(sent.stream().map(SqlText::verb).toList());
                }
                for (List<Integer> plan : Interleavings.of(counts)) {
                    StatementGate gate = gate(scheduling);
                    List<StatementGate.Call> calls = new ArrayList<>();
                    for (int t = 1; t <= CALLS; t++) {
                        calls.add(call(t));
                    }
                    schedules.add(runOne(gate, 1, calls, plan, name(verbs, plan)));
                }
            }
            return new JdbcInterleavings(design, database.engine().label(), statements, alone, schedules,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            dropTables();
        }
    }

    private StatementGate gate(SchedulingDataSource scheduling) {
        return new StatementGate(scheduling, database.engine(), probe, bound);
    }

    private StatementGate.Call call(int t) {
        return dataSource -> purchase.buy(dataSource, "request-T" + t, PRODUCT, QUANTITY);
    }

    /** A plan's name from the statements' verbs: {@code s1 s2 u1 c1 u2 c2}. */
    static String name(List<List<String>> verbs, List<Integer> plan) {
        int[] next = new int[verbs.size()];
        List<String> labels = new ArrayList<>();
        for (int who : plan) {
            labels.add(verbs.get(who - 1).get(next[who - 1]++).charAt(0) + String.valueOf(who));
        }
        return String.join(" ", labels);
    }

    /** Runs one schedule ({@code plan} empty: the calls' statements in the order they come) on fresh tables and judges it. */
    private JdbcScheduleOutcome runOne(StatementGate gate, int first, List<StatementGate.Call> calls,
                                       List<Integer> plan, String planned) throws SQLException, InterruptedException {
        resetTables();
        schema.create().forEach(gate.script::setup);
        gate.script.setup(SqlText.inline(schema.stockProduct(), Map.of(1, PRODUCT, 2, INITIAL_STOCK)));
        try (Connection monitor = database.connection()) {
            gate.run(first, calls, plan, monitor);
        }
        String ran = gate.ran.stream().map(SchedulingPoint::label).collect(Collectors.joining(" "));
        List<String> answers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long sold = 0;
        boolean answersFitAnOrder = true;
        for (ScheduledTransaction t : gate.transactions) {
            if (t.thrown != null) {
                answers.add(t.name + ": threw");
                errors.add(t.name + " threw " + t.thrown.getClass().getSimpleName() + ": " + gate.describe(t.thrown));
                continue;
            }
            int units = t.unitsSold;
            sold += units;
            answersFitAnOrder &= units == 0 || units == QUANTITY;
            answers.add(t.name + ": " + (units > 0 ? "purchased " + units : "out of stock"));
        }
        long stockAfter = readStock();
        Finding finding = Finding.ofAccounts(INITIAL_STOCK, sold, stockAfter);
        long soldInAnyOrder = QUANTITY * Math.min(gate.transactions.size(), INITIAL_STOCK / QUANTITY);
        if (finding == Finding.HELD && errors.isEmpty() && (!answersFitAnOrder || sold != soldInAnyOrder)) {
            finding = Finding.NOT_LINEARIZABLE;
        }
        if (finding.anomaly()) {
            gate.script.note("result", finding.word() + ": " + sold + " units sold, " + INITIAL_STOCK
                    + " existed; stock now " + stockAfter + " (" + finding.meaning() + ")");
        }
        errors.forEach(e -> gate.script.note("result", "error: " + e));
        List<String> divergences = new ArrayList<>();
        if (!plan.isEmpty()) {
            divergences.addAll(gate.divergences);
            List<Integer> turns = gate.ran.stream().map(p -> p.transaction.number).toList();
            if (!turns.equals(plan)) {
                divergences.add("the turns ran as " + ran + ", not as planned (" + planned + "): a turn waits behind"
                        + " its transaction's blocked statement, and code that takes another path sends more or fewer");
            }
        }
        return new JdbcScheduleOutcome(plan.isEmpty() ? ran : planned, ran, List.copyOf(divergences), finding, answers, errors,
                INITIAL_STOCK, sold, stockAfter, gate.script.render());
    }

    /** Drops and re-creates the design's tables and stocks the product; on a connection nobody schedules. */
    private void resetTables() throws SQLException {
        dropTables();
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String ddl : schema.create()) {
                s.execute(ddl);
            }
            try (PreparedStatement stock = c.prepareStatement(schema.stockProduct())) {
                stock.setString(1, PRODUCT);
                stock.setLong(2, INITIAL_STOCK);
                stock.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /**
     * Drops the design's tables; bounded, so that a table some connection still holds (a transaction left open)
     * is a loud failure rather than a wait without end.
     */
    private void dropTables() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(DDL_TIMEOUT_SECONDS);
            for (String ddl : schema.drop()) {
                try {
                    s.execute(ddl);
                } catch (SQLException e) {
                    throw new SQLException("`" + ddl + "` failed within " + DDL_TIMEOUT_SECONDS + " s (does a"
                            + " connection still hold the table, in a transaction left open?): " + e.getMessage(), e);
                }
            }
        }
    }

    /** Before any schedule: the stock reader must see exactly the stock the schema was given. */
    private void checkStockReader() throws SQLException {
        long seen;
        try {
            seen = readStock();
        } catch (SQLException | IllegalStateException e) {
            throw new IllegalStateException(design + ": the stock reader `" + schema.readStock() + "` does not read"
                    + " the schema's stock: " + e.getMessage(), e);
        }
        if (seen != INITIAL_STOCK) {
            throw new IllegalStateException(design + ": the stock reader `" + schema.readStock() + "` read " + seen
                    + " after `" + schema.stockProduct() + "` stocked " + INITIAL_STOCK);
        }
    }

    private long readStock() throws SQLException {
        try (Connection c = database.connection(); PreparedStatement read = c.prepareStatement(schema.readStock())) {
            read.setString(1, PRODUCT);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the stock reader found no row for " + PRODUCT);
                }
                return rs.getLong(1);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }
}
