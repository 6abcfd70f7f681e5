package dev.oversell.properties.database.jdbc;

import dev.oversell.design.JdbcPurchase;
import dev.oversell.design.JdbcSchema;
import dev.oversell.judge.Finding;
import dev.oversell.judge.PartialOrders;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseResult;
import dev.oversell.properties.database.LockProbe;
import dev.oversell.store.Database;
import dev.oversell.engine.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every interleaving of a design's calls, at statement granularity, on a real engine: the one interleaving gate
 * of Oversell, for code over a data source (a Spring service, a JPA repository, a DAO) and for the designs
 * written as scripts over Oversell's tables alike.
 *
 * <p>The design supplies its tables ({@link JdbcSchema}: DDL and a stock reader) and its instances over a data
 * source ({@link ScheduledDesign}); nobody writes steps. For each {@link StatementPlan} the runner first runs
 * each call alone ({@link #discover}), which tells the statements it sends, then runs, through the
 * {@link StatementGate} and with fresh tables every time, either every distinct execution, found as it runs
 * ({@link #explore}: at each step one of the transactions not waiting for a lock goes on, until every choice has
 * been taken; code that takes another path is explored along it), or distinct executions drawn at random from a
 * printed seed ({@link #sample}). Each execution is judged by its accounts, product by product: the units that
 * existed, the units the calls said they sold (each request id once; an order placed sells each of its lines), the
 * stock read afterwards; accounts that do not add up because an order took some of its lines and not the others
 * are a partially applied order ({@link PartialOrders}); then whether some sequential order of the calls gives the
 * same answers ({@link SequentialOrders}).
 *
 * <p>A call the engine refused (its exception carries a serialization failure or a deadlock, however the code
 * wrapped it) is a purchase or an order that failed: the schedule is judged on its accounts like any other, so a
 * refused call that was applied all the same shows as units lost; the order check leaves refused calls out; a
 * refusal that broke a deadlock is counted ({@link JdbcScheduleOutcome#deadlockVictims()}). Any
 * other call that throws makes its schedule an error, never "held"; the gate's own failures (a missed lock wait,
 * code that hangs or never commits) are a {@link dev.oversell.properties.database.GateError}. A schema whose
 * reader does not see what was stocked is refused before any schedule runs. The tables are dropped and every
 * connection closed whatever the outcome.
 */
public final class StatementScheduleRunner implements AutoCloseable {

    public static final String PRODUCT = StatementPlan.PRODUCT;
    /**
     * The store id of the tables a design over Oversell's tables is scheduled on ({@code ovs_sched_stock},
     * {@code ovs_sched_purchases}): the same in every run, so its scripts can be replayed as printed.
     */
    public static final String SCRIPT_STORE = "sched";
    static final Duration BOUND = Duration.ofSeconds(20);
    /** The most executions {@link #run(StatementPlan)} explores. */
    static final int RUN_LIMIT = 5_000;
    private static final int DDL_TIMEOUT_SECONDS = 30;

    /** What running each call of a plan alone showed: what it sent, and what each of those may touch. */
    public record Discovery(StatementPlan plan, List<List<String>> statements, List<List<String>> verbs,
                            List<List<Footprint>> footprints, List<JdbcScheduleOutcome> alone, String notApplicable) {

        /** Some call threw when it ran alone: the plan's interleavings are not run. */
        public boolean errored() {
            return alone.stream().anyMatch(JdbcScheduleOutcome::errored);
        }

        /** How many interleavings there are before equivalent ones are merged. */
        public long interleavings() {
            return DistinctSchedules.all(footprints);
        }

    }

    private final String design;
    private final Database database;
    private final JdbcSchema schema;
    private final ScheduledDesign subject;
    private final SchedulingDataSource scheduling;
    private LockProbe probe;
    private Duration bound = BOUND;
    /** Whether the design restocks; one declared without has every plan with a restock not applicable. */
    private boolean restocks = true;
    private List<Inventory> instances;
    /** Whether this runner holds its share of the server's lock on the schedules' tables ({@link ScheduleTablesLock}). */
    private boolean serverLockTaken;
    private String serverLock;
    /** Whether the tables exist, made by this runner. */
    private boolean tablesMade;
    private boolean lastRunWaitedInJvm;
    private List<SchedulingPoint> lastRun = List.of();
    private String lastJvmWait;
    /** How the design's tables reach one another, read before each plan once the design has started. */
    private TableCoupling coupling;
    /** Whether to put every table in no group (a test's full exploration). */
    private boolean ignoringTableCoupling;

    public StatementScheduleRunner(String design, Database database, JdbcSchema schema, ScheduledDesign subject) {
        this.design = design;
        this.database = database;
        this.schema = schema;
        this.subject = subject;
        this.probe = LockProbe.of(database.engine());
        this.scheduling = new SchedulingDataSource(database.dataSource(), database.engine());
    }

    /** One purchase method over a data source ({@link JdbcPurchase#over}): a design without restock. */
    public StatementScheduleRunner(String design, Database database, JdbcSchema schema, JdbcPurchase purchase) {
        this(design, database, schema, ScheduledDesign.of(dataSource -> purchase.over(dataSource, schema)));
        withoutRestock();
    }

    /**
     * The design is declared without restock ({@link dev.oversell.design.DatabaseDesign#restocks()}): a plan with a
     * restock is not applicable to it. Nothing else ever is: whatever a call throws is an error.
     */
    public StatementScheduleRunner withoutRestock() {
        this.restocks = false;
        return this;
    }

    /** How the gate learns of lock waits (a test may blind it). */
    public StatementScheduleRunner probe(LockProbe probe) {
        this.probe = probe;
        return this;
    }

    /**
     * Takes every statement to touch anything, as if the engine had not said how the tables reach one another: every
     * order of statements on different tables is then run both ways (a test compares the two explorations).
     */
    StatementScheduleRunner ignoringTableCoupling() {
        ignoringTableCoupling = true;
        return this;
    }

    /** How long a statement may run without returning or blocking, and code between statements may run. */
    public StatementScheduleRunner bound(Duration bound) {
        this.bound = bound;
        return this;
    }

    public Engine engine() {
        return database.engine();
    }

    /** Every distinct interleaving of two purchases of the last unit; the tables are dropped afterwards. */
    public JdbcInterleavings run() throws SQLException, InterruptedException {
        return run(StatementPlan.lastUnit());
    }

    /**
     * Every distinct execution of {@code plan} ({@link #explore}, at most {@value #RUN_LIMIT}); the tables are
     * dropped afterwards.
     */
    public JdbcInterleavings run(StatementPlan plan) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        try {
            Discovery discovery = discover(plan);
            if (discovery.notApplicable() != null) {
                throw new IllegalStateException(design + ": " + discovery.notApplicable());
            }
            List<JdbcScheduleOutcome> schedules = new ArrayList<>();
            String coverage = "not run: a call failed when it ran alone";
            if (!discovery.errored()) {
                Exploration exploration = explore(discovery, RUN_LIMIT);
                exploration.forEachRemaining(schedules::add);
                coverage = exploration.coverage();
            }
            return new JdbcInterleavings(design, database.engine().label(), plan.name(), discovery.statements(),
                    discovery.alone(), discovery.interleavings(), schedules, coverage,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            try {
                dropTables();
            } finally {
                releaseServerLock();
            }
        }
    }

    /**
     * Runs each call of {@code plan} alone, from the plan's stock, and records what it sent. A plan with a restock is
     * not applicable to a design declared without restock ({@link #withoutRestock}), and nothing else is: a call
     * that throws, whatever it throws ({@link UnsupportedOperationException} included), is an error. A schema whose
     * reader does not see the stock is refused here, before any schedule.
     */
    public Discovery discover(StatementPlan plan) throws SQLException, InterruptedException {
        if (!restocks) {
            for (int t = 1; t <= plan.calls().size(); t++) {
                if (plan.calls().get(t - 1) instanceof PlannedCall.Restock) {
                    return new Discovery(plan, List.of(), List.of(), List.of(), List.of(), "T" + t + " ("
                            + plan.calls().get(t - 1).describe() + ") is not something this design does: it is"
                            + " declared without restock");
                }
            }
        }
        resetTables(plan.stock());
        instances(); // the design's start-up may add a trigger, a key, a policy: the coupling is read after it,
        resetTables(plan.stock()); // on the tables as each schedule finds them
        subject.beforeEachSchedule(database);
        checkStockReader(plan.stock());
        readCoupling();
        List<JdbcScheduleOutcome> alone = new ArrayList<>();
        List<List<String>> statements = new ArrayList<>();
        List<List<String>> verbs = new ArrayList<>();
        List<List<Footprint>> footprints = new ArrayList<>();
        for (int t = 1; t <= plan.calls().size(); t++) {
            StatementGate gate = gate();
            JdbcScheduleOutcome outcome = runOne(gate, plan, t, List.of(plan.calls().get(t - 1)),
                    (ready, next) -> ready.get(0), null);
            if (gate.ran().isEmpty() && !outcome.errored()) {
                // nothing to interleave would make every schedule "hold" without exploring anything
                throw new IllegalStateException(design + ": T" + t + " (" + plan.calls().get(t - 1).describe()
                        + ") sent no statement through the scheduling data source: the design takes its connections"
                        + " from somewhere else (a pool of its own), or sends on threads of its own that do not carry"
                        + " the caller's context (hand work over with Micrometer's context propagation, e.g."
                        + " ContextExecutorService.wrap, or an ActorSystem carryingSendersContext()), so the gate"
                        + " cannot schedule it");
            }
            alone.add(outcome);
            statements.add(gate.ran().stream().map(p -> p.text).toList());
            verbs.add(gate.ran().stream().map(p -> p.verb).toList());
            footprints.add(gate.ran().stream().map(p -> p.footprint).toList());
        }
        return new Discovery(plan, List.copyOf(statements), List.copyOf(verbs), List.copyOf(footprints),
                List.copyOf(alone), null);
    }

    /**
     * Every distinct execution of {@code discovery}'s plan, found as they run ({@link dev.oversell.properties.schedule.ScheduleTree}): each is run
     * on fresh tables and judged when the iterator is asked for it; at most {@code limit} of them.
     */
    public Exploration explore(Discovery discovery, int limit) {
        return new Exploration(this, discovery, limit);
    }

    /**
     * Distinct executions of {@code discovery}'s plan drawn at random from {@code seed} ({@link Sample}): at most
     * {@code limit}, each run on fresh tables and judged when it is asked for.
     */
    public Sample sample(Discovery discovery, long seed, int limit) {
        return new Sample(this, discovery, seed, limit);
    }

    /**
     * One execution of {@code discovery}'s plan, the chooser picking each next point (with {@code entries}, the
     * start of each call too); on fresh tables, judged.
     */
    JdbcScheduleOutcome runChosen(Discovery discovery, StatementGate.Chooser chooser, boolean entries)
            throws SQLException, InterruptedException {
        StatementGate gate = gate();
        gate.entries(entries);
        try {
            return runOne(gate, discovery.plan(), 1, discovery.plan().calls(), chooser, discovery.statements());
        } finally {
            synchronized (gate) {
                lastRunWaitedInJvm = gate.sawJvmWait();
                lastJvmWait = gate.jvmWait();
                lastWokenTogether = gate.wokenTogether();
                lastRun = gate.ran();
            }
        }
    }

    /** How often, in the last {@link #runChosen} run, the engine chose which of several woken statements went on. */
    int lastWokenTogether() {
        return lastWokenTogether;
    }

    private int lastWokenTogether;

    /** Whether, in the last {@link #runChosen} run, a call waited in the JVM for another. */
    boolean lastRunWaitedInJvm() {
        return lastRunWaitedInJvm;
    }

    /** Where a call of the last {@link #runChosen} run was first seen waiting in the JVM, or null. */
    String lastJvmWait() {
        return lastJvmWait;
    }

    /** The points the last {@link #runChosen} run let through, in order. */
    List<SchedulingPoint> lastRun() {
        return lastRun;
    }

    String design() {
        return design;
    }

    private StatementGate gate() throws SQLException {
        StatementGate gate = new StatementGate(scheduling, database.engine(), probe, bound);
        gate.quickDeadlockChecks(quickDeadlockChecks());
        return gate;
    }

    /** Whether the engine looks for deadlocks late and the user may make it look sooner, asked once. */
    private Boolean quickDeadlockChecks;

    private boolean quickDeadlockChecks() throws SQLException {
        if (quickDeadlockChecks == null) {
            try (Connection connection = database.connection()) {
                quickDeadlockChecks = database.engine().mayCheckDeadlocksQuickly(connection);
            }
        }
        return quickDeadlockChecks;
    }

    private synchronized List<Inventory> instances() {
        if (instances == null) {
            instances = List.copyOf(subject.open(new Database(database.engine(), scheduling,
                    "scheduled " + database, database.lockTimeoutMillis(), null)));
        }
        return instances;
    }

    /**
     * Runs {@code calls} (numbered from {@code first}) as {@code chooser} picks; {@code aloneSent} is what each call
     * sent alone (to tell when the code took another path), null when the calls are run alone.
     */
    private JdbcScheduleOutcome runOne(StatementGate gate, StatementPlan plan, int first, List<PlannedCall> calls,
                                       StatementGate.Chooser chooser, List<List<String>> aloneSent)
            throws SQLException, InterruptedException {
        boolean alone = aloneSent == null;
        List<Inventory> on = instances();
        resetTables(plan.stock());
        subject.beforeEachSchedule(database);
        database.engine().sessionSetup().forEach(gate.script()::everySession);
        schema.create().forEach(gate.script()::setup);
        plan.stock().forEach((product, units) -> gate.script().setup(SqlText.inline(schema.stockProduct(),
                Map.of(1, product, 2, units))));
        List<StatementGate.Call> gateCalls = calls.stream().<StatementGate.Call>map(c -> () -> c.call(on)).toList();
        try (Connection monitor = database.connection()) {
            gate.run(first, gateCalls, chooser, monitor);
        }
        String ran = gate.ran().stream().map(SchedulingPoint::label).collect(Collectors.joining(" "));
        List<ExecutionJudgement.CallEnd> ends = new ArrayList<>();
        boolean rerouted = false;
        for (int i = 0; i < gate.transactions().size(); i++) {
            ScheduledTransaction t = gate.transactions().get(i);
            // alone (no order), a refusal has no other transaction to blame: the call cannot succeed, an error
            Engine.Failure refusal = t.thrown() == null || alone ? null : refusal(t.thrown());
            if (refusal != null) {
                ends.add(new ExecutionJudgement.Refused(t.name, refusal, gate.brokeADeadlock(t), gate.describe(t.thrown())));
            } else if (t.thrown() != null) {
                ends.add(new ExecutionJudgement.Threw(t.name, t.thrown().getClass().getSimpleName(), gate.describe(t.thrown())));
            } else if (t.answer() instanceof PlannedCall.FencedOut fenced) {
                rerouted = true;
                // the new owner runs it after the purchase in flight there: unscheduled, once the schedule is over
                PurchaseResult answer = on.get(fenced.goesTo()).buy(fenced.request());
                ends.add(new ExecutionJudgement.Answered(t.name, answer, "fenced out: sent again to the new owner,"
                        + " which answers after its purchase in flight: " + (answer.unitsSold() > 0 ? "purchased"
                        : "out of stock")));
            } else {
                ends.add(new ExecutionJudgement.Answered(t.name, t.answer(), null));
            }
        }
        Map<String, Long> stockAfter = new LinkedHashMap<>();
        for (String product : ExecutionJudgement.products(plan.stock(), calls, ends)) {
            stockAfter.put(product, readStock(product));
        }
        ExecutionJudgement judged = ExecutionJudgement.of(plan.stock(), calls, ends, stockAfter);
        judged.notes().forEach(note -> gate.script().note(note.who(), note.text()));
        boolean anotherPath = false;
        if (!alone) {
            for (ScheduledTransaction t : gate.transactions()) {
                long sent = gate.ran().stream().filter(p -> p.transaction == t && !p.entry()).count();
                anotherPath |= sent > aloneSent.get(t.number - 1).size();
            }
        }
        ScheduleKind kind = kind(judged.finding(), judged.errors(), judged.refused(), rerouted, gate, anotherPath);
        return new JdbcScheduleOutcome(plan.describe(), ran, judged.finding(), kind, judged.answers(),
                judged.errors(), judged.existed(), judged.sold(), judged.stockAfter(), gate.script().render(),
                judged.deadlockVictims());
    }

    /**
     * The engine's refusal a call's exception carries (somewhere in its causes, as Spring and Hibernate wrap it):
     * a serialization failure or a deadlock the engine ended by aborting this transaction; null for anything
     * else, which is an error.
     */
    private Engine.Failure refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Engine.Failure failure = database.engine().classify(sql);
                if (failure == Engine.Failure.SERIALIZATION || failure == Engine.Failure.DEADLOCK) {
                    return failure;
                }
            }
        }
        return null;
    }

    private ScheduleKind kind(Finding finding, List<String> errors, boolean refused, boolean rerouted,
                              StatementGate gate, boolean anotherPath) {
        switch (finding) {
            case OVERSOLD: return ScheduleKind.OVERSOLD;
            case PARTIALLY_APPLIED: return ScheduleKind.PARTIALLY_APPLIED;
            case LOST_UPDATE: return ScheduleKind.LOST_UPDATE;
            case NOT_LINEARIZABLE: return ScheduleKind.NOT_LINEARIZABLE;
            default: break;
        }
        if (!errors.isEmpty()) {
            return ScheduleKind.ERROR;
        }
        if (refused) {
            return ScheduleKind.REFUSED;
        }
        if (rerouted) {
            return ScheduleKind.FENCED_REROUTED;
        }
        List<Engine.Failure> failures = gate.ran().stream().filter(p -> p.failure() instanceof SQLException)
                .map(p -> database.engine().classify((SQLException) p.failure())).toList();
        if (failures.contains(Engine.Failure.DEADLOCK)) {
            return ScheduleKind.DEADLOCK_RETRIED;
        }
        if (failures.contains(Engine.Failure.SERIALIZATION)) {
            return ScheduleKind.SERIALIZATION_FAILURE_RETRIED;
        }
        if (failures.contains(Engine.Failure.DUPLICATE_KEY)) {
            return ScheduleKind.DUPLICATE_RETRIED;
        }
        if (anotherPath) {
            return ScheduleKind.ANOTHER_PATH;
        }
        if (gate.ran().stream().anyMatch(p -> p.blocked())) {
            return ScheduleKind.BLOCKED_THEN_DECIDED;
        }
        return ScheduleKind.NO_CONFLICT;
    }

    /**
     * Makes the design's tables afresh (emptied, if the schema says how and they exist; else dropped and created)
     * and stocks each product; on a connection nobody schedules.
     */
    private void resetTables(Map<String, Long> stock) throws SQLException, InterruptedException {
        if (!serverLockTaken) {
            // once per runner, before it first touches the tables; let go of in close()
            serverLock = ScheduleTablesLock.acquire(database, System.out::println);
            serverLockTaken = true;
        }
        boolean empty = tablesMade && !schema.empty().isEmpty();
        boolean truncated = false;
        if (empty && database.engine().server() == Engine.MARIADB) {
            // a design's emptying statement that is no whole-table DELETE, or a table MariaDB will not truncate (one a
            // foreign key names): fresh tables, as on a first run
            truncated = truncate();
            empty = truncated;
        }
        if (!empty) {
            dropTables();
        }
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            if (truncated) {
                c.setAutoCommit(false);
            } else if (empty) {
                // once per schedule: one transaction and one round trip for the emptying statements, not a commit each
                c.setAutoCommit(false);
                if (database.engine().server() == Engine.POSTGRESQL) {
                    // the reset is the harness's, not the design's: its commit need not wait for the WAL to reach
                    // the disk (about half of a reset's time); what the design's transactions see is the same
                    s.addBatch("SET LOCAL synchronous_commit = off");
                }
                for (String sql : schema.empty()) {
                    s.addBatch(sql);
                }
                s.executeBatch();
            } else {
                for (String sql : schema.create()) {
                    s.execute(sql);
                }
            }
            tablesMade = true;
            try (PreparedStatement insert = c.prepareStatement(schema.stockProduct())) {
                for (Map.Entry<String, Long> product : stock.entrySet()) {
                    insert.setString(1, product.getKey());
                    insert.setLong(2, product.getValue());
                    insert.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * On MariaDB, empties the tables with {@code TRUNCATE TABLE} for each of the design's emptying statements ({@link
     * JdbcSchema#empty()}); false if one of them is not a whole-table {@code DELETE FROM t}, or MariaDB refused (a
     * table a foreign key names), and the tables are then dropped and created again. InnoDB keeps a deleted row, marked
     * as deleted, until its purge thread removes it, and a locking read (any read under SERIALIZABLE, {@code FOR
     * UPDATE}) locks the marked rows and the gaps beside them: emptied with {@code DELETE}, the tables a schedule
     * started from held what the schedules before had deleted, or not, depending on how far purge had got, and so did
     * the locks its reads took. Two whole runs explored 66 and 67, 144 and 150 executions of the same SERIALIZABLE
     * plans; emptied with {@code TRUNCATE}, as fresh as the first run's, 78 and 158 in every plan of both MariaDB
     * columns, in two whole runs.
     */
    private boolean truncate() throws SQLException {
        if (truncationRefused) {
            return false;
        }
        List<String> truncations = new ArrayList<>();
        for (String sql : schema.empty()) {
            java.util.regex.Matcher delete = WHOLE_TABLE_DELETE.matcher(sql);
            if (!delete.matches()) {
                truncationRefused = true;
                return false;
            }
            truncations.add("TRUNCATE TABLE " + delete.group(1));
        }
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String sql : truncations) {
                s.execute(sql); // DDL: commits by itself
            }
            return true;
        } catch (SQLException refused) {
            truncationRefused = true;
            return false;
        }
    }

    /** Whether emptying the tables with {@code TRUNCATE TABLE} was found impossible ({@link #truncate()}). */
    private boolean truncationRefused;

    private static final java.util.regex.Pattern WHOLE_TABLE_DELETE =
            java.util.regex.Pattern.compile("(?is)\\s*DELETE\\s+FROM\\s+([\\w.`\"]+)\\s*;?\\s*");

    /**
     * Drops the design's tables; bounded, so that a table some connection still holds (a transaction left open)
     * is a loud failure rather than a wait without end.
     */
    private void dropTables() throws SQLException {
        tablesMade = false;
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

    /**
     * Before each plan, once the design has started and its tables are made as a schedule finds them: how they reach
     * one another ({@link TableCoupling}), so that statements on tables that share nothing are not interleaved both
     * ways. Read again for every plan, so that nothing the design added since (a trigger its start-up created) is
     * missed.
     */
    private void readCoupling() throws SQLException {
        try (Connection c = database.connection()) {
            coupling = TableCoupling.read(c, database.engine());
        }
        if (ignoringTableCoupling) {
            coupling = coupling.withoutGroups();
        }
        scheduling.coupling(coupling);
    }

    /** The coupling of the design's tables, as read for the last plan discovered; null before. */
    TableCoupling coupling() {
        return coupling;
    }

    /** Before any schedule: the stock reader must see exactly the stock the schema was given, of each product. */
    private void checkStockReader(Map<String, Long> stock) throws SQLException {
        for (Map.Entry<String, Long> stocked : stock.entrySet()) {
            long seen;
            try {
                seen = readStock(stocked.getKey());
            } catch (SQLException | IllegalStateException e) {
                throw new IllegalStateException(design + ": the stock reader `" + schema.readStock() + "` does not read"
                        + " the schema's stock: " + e.getMessage(), e);
            }
            if (seen != stocked.getValue()) {
                throw new IllegalStateException(design + ": the stock reader `" + schema.readStock() + "` read " + seen
                        + " after `" + schema.stockProduct() + "` stocked " + stocked.getValue());
            }
        }
    }

    private long readStock(String product) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement read = c.prepareStatement(schema.readStock())) {
            read.setString(1, product);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the stock reader found no row for " + product);
                }
                return rs.getLong(1);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }

    /** Closes the design's instances and drops its tables. */
    @Override
    public void close() throws SQLException {
        List<Inventory> open;
        synchronized (this) {
            open = instances;
            instances = null;
        }
        try {
            if (open != null) {
                open.forEach(Inventory::close);
            }
        } finally {
            try {
                dropTables();
            } finally {
                releaseServerLock();
            }
        }
    }

    /** Lets go of this runner's share of the server's lock, once its tables are dropped. */
    private void releaseServerLock() throws SQLException {
        if (serverLockTaken) {
            serverLockTaken = false;
            ScheduleTablesLock.release(database, serverLock);
        }
    }
}
