package dev.oversell.model;

import com.zaxxer.hikari.HikariDataSource;
import dev.oversell.design.Claim;
import dev.oversell.judge.Finding;
import dev.oversell.model.dao.DaoTwoConnections_BrokenReadOnAnotherConnection;
import dev.oversell.model.jpa.JpaDirtyChecking;
import dev.oversell.model.jpa.JpaOptimisticVersion;
import dev.oversell.model.jpa.JpaPessimisticWrite;
import dev.oversell.model.spring.JdbcTemplateGuardedUpdate;
import dev.oversell.model.spring.JdbcTemplateReadThenSet;
import dev.oversell.model.spring.Migrations;
import dev.oversell.properties.database.Engines;
import dev.oversell.properties.database.jdbc.JdbcInterleavings;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.properties.database.jdbc.JdbcSchema;
import dev.oversell.properties.database.jdbc.SchedulingDataSource;
import dev.oversell.properties.database.jdbc.StatementScheduleRunner;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spring JdbcTemplate, JPA/Hibernate and plain DAO designs, each built ONCE per engine over a
 * {@link SchedulingDataSource} and run through the statement gate: every interleaving of two buyers of the last
 * unit, statement by statement, on H2 and, when reachable (required with {@code CI=true}), PostgreSQL and
 * MariaDB. A design that may oversell must be caught overselling; one that claims it never does must hold in
 * every interleaving, without an error, and show the lock that makes it hold (a statement that blocked). Each
 * design's tables are its own Flyway migration, which also runs here under Flyway itself on every engine.
 */
class SpringDesignsThroughTheGateTest {

    /** One design: how to build it over a data source, its migration's table, how to stock it, what it claims. */
    private record Design(String key, Function<DataSource, Inventory> build, String table, Claim claim) {

        JdbcSchema schema() {
            return new JdbcSchema(Migrations.statements(key), List.of("DROP TABLE IF EXISTS " + table),
                    "INSERT INTO " + table + " (product, stock) VALUES (?, ?)",
                    "SELECT stock FROM " + table + " WHERE product = ?");
        }

        @Override
        public String toString() {
            return key;
        }
    }

    private static final List<Design> DESIGNS = List.of(
            new Design(JdbcTemplateReadThenSet.KEY, JdbcTemplateReadThenSet::new, "stock", Claim.MAY_OVERSELL),
            new Design(JdbcTemplateGuardedUpdate.KEY, JdbcTemplateGuardedUpdate::new, "stock", Claim.NEVER_OVERSELLS),
            new Design(JpaDirtyChecking.KEY, JpaDirtyChecking::new, "stock_item", Claim.MAY_OVERSELL),
            new Design(JpaOptimisticVersion.KEY, JpaOptimisticVersion::new, "stock_item", Claim.NEVER_OVERSELLS),
            new Design(JpaPessimisticWrite.KEY, JpaPessimisticWrite::new, "stock_item", Claim.NEVER_OVERSELLS),
            new Design(DaoTwoConnections_BrokenReadOnAnotherConnection.KEY,
                    DaoTwoConnections_BrokenReadOnAnotherConnection::new, "stock", Claim.MAY_OVERSELL));

    @TestFactory
    Stream<DynamicContainer> everyInterleavingOfTwoBuyersOfTheLastUnitIsJudgedByTheClaim() {
        return DatabaseSettings.requestedEngines().stream().map(engine -> DynamicContainer.dynamicContainer(
                engine.label(), DESIGNS.stream().map(design -> DynamicTest.dynamicTest(
                        design.key() + " on " + engine.label() + ": " + words(design.claim()),
                        () -> throughTheGate(engine, design)))));
    }

    private static void throughTheGate(Engine engine, Design design) throws Exception {
        Database database = Engines.openOrSkip(engine);
        SchedulingDataSource scheduling = new SchedulingDataSource(database.dataSource(), database.engine());
        long start = System.nanoTime();
        JdbcInterleavings run;
        long builtMillis;
        try (Inventory inventory = design.build().apply(scheduling)) {
            builtMillis = (System.nanoTime() - start) / 1_000_000;
            run = new StatementScheduleRunner(design.key(), database, design.schema(),
                    (ignored, requestId, product, quantity) ->
                            inventory.buy(PurchaseRequest.of(requestId, product, quantity)).unitsSold())
                    .over(scheduling)
                    .run();
        } finally {
            assertNothingLeftBehind(database, design.table());
        }
        System.out.println(run.summary());
        System.out.printf("[spring-gate] %s on %s: %s, %d interleavings (%d ran as planned), %d ms through the gate,"
                        + " %d ms to build the design, claim %s%n", design.key(), engine.label(), run.verdict(),
                run.schedules().size(), run.ranAsPlanned(), run.elapsed().toMillis(), builtMillis, design.claim());

        assertThat(run.statementsAlone()).as("the gate saw each buyer's statements (a design that bypassed the"
                + " scheduling DataSource would show none, and hold vacuously)\n" + run.summary())
                .allSatisfy(sent -> assertThat(sent).hasSizeGreaterThanOrEqualTo(2));
        assertThat(run.errors()).as("no schedule may end in an error\n" + run.summary()).isEmpty();
        if (design.claim() == Claim.MAY_OVERSELL) {
            assertThat(run.verdict()).as("a design that may oversell is caught overselling\n" + run.summary())
                    .isEqualTo(Finding.OVERSOLD.word());
            JdbcScheduleOutcome oversold = run.first(Finding.OVERSOLD).orElseThrow();
            assertThat(oversold.sold()).isEqualTo(2);
            System.out.println("[spring-gate] " + design.key() + " on " + engine.label() + ", the first oversold"
                    + " schedule, " + oversold.ran() + ":\n" + oversold.script());
        } else {
            assertThat(run.findings()).as("a design that never oversells holds in every interleaving\n" + run.summary())
                    .isNotEmpty().containsOnly(Finding.HELD);
            JdbcScheduleOutcome waited = run.schedules().stream()
                    .filter(s -> s.script().contains("-- blocked, waiting for a lock")).findFirst()
                    .orElseThrow(() -> new AssertionError("the second buyer never waited for the first one's lock"
                            + " (what makes the design hold was not seen)\n" + run.summary()));
            System.out.println("[spring-gate] " + design.key() + " on " + engine.label() + ", the first schedule"
                    + " where a buyer waited for the other's lock, " + waited.ran() + ":\n" + waited.script());
        }
    }

    @TestFactory
    Stream<DynamicContainer> eachMigrationRunsUnderFlywayAndTheDesignSellsWhatItHolds() {
        return DatabaseSettings.requestedEngines().stream().map(engine -> DynamicContainer.dynamicContainer(
                engine.label(), DESIGNS.stream().map(design -> DynamicTest.dynamicTest(
                        design.key() + " on " + engine.label() + ": Flyway creates " + design.table()
                                + "; one buyer gets the last unit, the next is told out of stock",
                        () -> migratedAndAlone(engine, design)))));
    }

    private static void migratedAndAlone(Engine engine, Design design) throws Exception {
        Database database = Engines.openOrSkip(engine);
        String history = Migrations.historyTable(design.key());
        drop(database, design.table(), history);
        try {
            Migrations.migrate(database.dataSource(), design.key());
            try (Connection c = database.connection();
                 PreparedStatement stock = c.prepareStatement(design.schema().stockProduct())) {
                stock.setString(1, "sku-1");
                stock.setLong(2, 1);
                stock.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            Inventory inventory = design.build().apply(database.dataSource());
            try {
                assertThat(inventory.stock("sku-1")).isEqualTo(1);
                assertThat(inventory.buy(PurchaseRequest.of("r1", "sku-1", 1)))
                        .isEqualTo(new PurchaseResult.Purchased("r1", "sku-1", 1));
                assertThat(inventory.buy(PurchaseRequest.of("r2", "sku-1", 1)))
                        .isEqualTo(new PurchaseResult.OutOfStock("r2", "sku-1", 1, 0));
                assertThat(inventory.stock("sku-1")).isZero();
                assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r3", "sku-404", 1)))
                        .isInstanceOf(UnknownProductException.class);
                assertThatThrownBy(() -> inventory.stock("sku-404")).isInstanceOf(UnknownProductException.class);
            } finally {
                inventory.close();
            }
            assertThatThrownBy(() -> inventory.stock("sku-1")).as("a closed design answers nothing")
                    .isInstanceOf(IllegalStateException.class);
            try (Connection c = database.connection()) {
                assertThat(c.isValid(5)).as("the data source outlives the design built over it").isTrue();
            }
        } finally {
            drop(database, design.table(), history);
            assertNothingLeftBehind(database, design.table());
        }
    }

    private static String words(Claim claim) {
        return claim == Claim.MAY_OVERSELL ? "oversold in some interleaving" : "held in every interleaving";
    }

    private static void drop(Database database, String... tables) throws Exception {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static void assertNothingLeftBehind(Database database, String table) throws Exception {
        try (Connection c = database.connection()) {
            boolean found = false;
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                    found |= rs.next();
                }
            }
            assertThat(found).as("table %s dropped after the run", table).isFalse();
        }
        if (database.dataSource() instanceof HikariDataSource pool) {
            assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                    .as("connections in use after the run (the check's own was just closed)").isZero();
        }
    }

    @AfterAll
    static void closeEngines() {
        Engines.closeAll();
    }
}
