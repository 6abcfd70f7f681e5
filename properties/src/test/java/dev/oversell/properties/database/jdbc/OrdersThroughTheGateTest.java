package dev.oversell.properties.database.jdbc;

import dev.oversell.design.JdbcSchema;
import dev.oversell.judge.Finding;
import dev.oversell.properties.database.Engines;
import dev.oversell.properties.database.ServerLanes;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two orders of the same two products in opposite order ({@link StatementPlan#oppositeOrders()}) through the
 * statement gate, every distinct execution, on every reachable engine (H2 always; PostgreSQL and MariaDB when
 * reachable): plain reads before the takes oversell a line; locks taken in the order given deadlock, and the engine
 * refuses one order (a refusal with nothing applied, never a hang); locks taken in product order never deadlock; an
 * order whose lines are committed one by one is partially applied.
 */
class OrdersThroughTheGateTest {

    @TestFactory
    Stream<DynamicNode> ordersThatReadEveryLineWithPlainSelectsOversellALine() {
        return onEveryEngine("plain SELECTs, then UPDATEs: a line oversold", (database, table) -> {
            JdbcInterleavings run = run(database, table, OrderReadThenTaken.Reading.PLAIN);
            assertThat(run.verdict()).as(run.summary()).isEqualTo(JdbcInterleavings.Verdict.of(Finding.OVERSOLD));
            JdbcScheduleOutcome oversold = run.first(Finding.OVERSOLD).orElseThrow();
            System.out.println("The first oversold execution, " + oversold.ran() + ":\n" + oversold.script());
            assertThat(oversold.answers()).containsExactly("T1: placed", "T2: placed");
            assertThat(oversold.script()).contains("INSERT INTO " + table + " (product, stock) VALUES ('a', 1)",
                    "INSERT INTO " + table + " (product, stock) VALUES ('b', 1)",
                    "-- oversold: of 'a', 2 units sold, 1 existed; stock now -1; of 'b', 2 units sold, 1 existed;"
                            + " stock now -1");
        });
    }

    @TestFactory
    Stream<DynamicNode> ordersThatLockTheirLinesInTheOrderGivenDeadlockAndTheEngineRefusesOne() {
        return onEveryEngine("FOR UPDATE in the order given: a deadlock, one order refused, never oversold",
                (database, table) -> {
            JdbcInterleavings run = run(database, table, OrderReadThenTaken.Reading.LOCKED_IN_THE_ORDER_GIVEN);
            assertThat(run.verdict()).as(run.summary()).isEqualTo(JdbcInterleavings.Verdict.of(Finding.HELD));
            assertThat(run.coverage()).as("a deadlock the engine breaks is no hang: the exploration ends")
                    .startsWith("every one");
            List<JdbcScheduleOutcome> deadlocked = run.schedules().stream().filter(s -> s.deadlockVictims() > 0).toList();
            assertThat(deadlocked).as("executions in which the engine broke a deadlock: %s", run.summary()).isNotEmpty()
                    .allSatisfy(s -> {
                        assertThat(s.kind()).isEqualTo(ScheduleKind.REFUSED);
                        assertThat(s.deadlockVictims()).isEqualTo(1);
                        assertThat(s.script()).contains("blocked, waiting for a lock", "the engine refused it (deadlock)",
                                "nothing of the refused order was applied");
                    });
            if (database.engine() == dev.oversell.engine.Engine.POSTGRESQL) {
                assertThat(deadlocked).as("PostgreSQL looks for a deadlock 1 ms after the statement that closes the"
                        + " cycle begins to wait, not a second after the first wait: the script says so").allSatisfy(s ->
                        assertThat(s.script()).contains("SET LOCAL deadlock_timeout = '1ms';"));
            }
            assertThat(run.schedules()).as("at READ COMMITTED the engine refuses these orders only to break a deadlock")
                    .filteredOn(s -> s.kind() == ScheduleKind.REFUSED).hasSameSizeAs(deadlocked);
            System.out.printf("%d of %d executions deadlocked; the first, %s:%n%s%n", deadlocked.size(),
                    run.schedules().size(), deadlocked.get(0).ran(), deadlocked.get(0).script());
            assertThat(run.schedules()).as("every execution places exactly one order").allSatisfy(s ->
                    assertThat(s.sold()).isEqualTo(2));
        });
    }

    /**
     * The same exploration twice finds the same executions and the same deadlocks: on H2, whose victim of a deadlock
     * goes on naming its blocker while it rolls back (see {@link H2RowLockWait}), the gate once took a victim whose
     * failure had not reached it yet for a waiter, and did not offer the order where its rollback comes first (55 or
     * 54 executions of 56 in about one exploration in ten); and it told a victim from a write-write conflict by the
     * waits it happened to see (13 to 22 deadlocks of 24). Five explorations of the plan where both happened.
     */
    @TestFactory
    Stream<DynamicNode> theSameExplorationFindsTheSameExecutionsAndDeadlocksEveryTime() {
        return Stream.of(DynamicTest.dynamicTest("H2: plain SELECTs, then UPDATEs, explored five times", () -> {
            Database database = Engines.openOrSkip(dev.oversell.engine.Engine.H2);
            String table = Store.PREFIX + Store.idMadeAt(Instant.now()) + "_stock";
            try {
                List<String> first = null;
                for (int i = 1; i <= 5; i++) {
                    JdbcInterleavings run = run(database, table, OrderReadThenTaken.Reading.PLAIN);
                    List<String> found = run.schedules().stream()
                            .map(s -> s.ran() + (s.deadlockVictims() > 0 ? " (deadlock)" : "")).sorted().toList();
                    assertThat(run.coverage()).as(run.summary()).startsWith("every one");
                    if (first == null) {
                        first = found;
                        assertThat(found).as("deadlocks broken by the engine").anyMatch(s -> s.endsWith("(deadlock)"));
                    } else {
                        assertThat(found).as("exploration %d of 5, against the first", i).isEqualTo(first);
                    }
                }
            } finally {
                assertDropped(database, table);
            }
        }));
    }

    @TestFactory
    Stream<DynamicNode> ordersThatLockTheirLinesInProductOrderNeverDeadlock() {
        return onEveryEngine("FOR UPDATE in product order: no deadlock, never oversold", (database, table) -> {
            JdbcInterleavings run = run(database, table, OrderReadThenTaken.Reading.LOCKED_IN_PRODUCT_ORDER);
            assertThat(run.verdict()).as(run.summary()).isEqualTo(JdbcInterleavings.Verdict.of(Finding.HELD));
            assertThat(run.coverage()).as(run.summary()).startsWith("every one");
            assertThat(run.schedules()).as(run.summary()).allSatisfy(s -> {
                assertThat(s.deadlockVictims()).isZero();
                assertThat(s.kind()).isNotEqualTo(ScheduleKind.REFUSED);
            });
            assertThat(run.schedules()).as("the second order waits for the first's lock on 'a'")
                    .anyMatch(s -> s.kind() == ScheduleKind.BLOCKED_THEN_DECIDED);
        });
    }

    @TestFactory
    Stream<DynamicNode> anOrderWhoseLinesAreCommittedOneByOneIsPartiallyApplied() {
        return onEveryEngine("each line committed on its own: partially applied", (database, table) -> {
            JdbcInterleavings run;
            try (StatementScheduleRunner runner = new StatementScheduleRunner("order taken line by line", database,
                    JdbcSchema.stockTable(table), scheduling -> List.of(new OrderTakenLineByLine_BrokenCommitsEachLine(
                            scheduling.dataSource(), table)))) {
                run = runner.run(StatementPlan.oppositeOrders());
            }
            assertThat(run.verdict()).as(run.summary()).isEqualTo(JdbcInterleavings.Verdict.of(Finding.PARTIALLY_APPLIED));
            JdbcScheduleOutcome partial = run.first(Finding.PARTIALLY_APPLIED).orElseThrow();
            System.out.println("A partially applied execution, " + partial.ran() + ":\n" + partial.script());
            assertThat(partial.kind()).isEqualTo(ScheduleKind.PARTIALLY_APPLIED);
            assertThat(partial.answers()).containsExactly("T1: refused, 'b' short", "T2: refused, 'a' short");
            assertThat(partial.script()).contains("-- partially applied: of 'a', 0 units sold, 1 existed; stock now 0",
                    "T1's order (refused, 'b' short) took 1 of 'a' but not 1 of 'b'");
        });
    }

    private static JdbcInterleavings run(Database database, String table, OrderReadThenTaken.Reading reading)
            throws Exception {
        try (StatementScheduleRunner runner = new StatementScheduleRunner("order, " + reading, database,
                JdbcSchema.stockTable(table), scheduling -> List.of(new OrderReadThenTaken(scheduling.dataSource(),
                        table, reading)))) {
            JdbcInterleavings run = runner.run(StatementPlan.oppositeOrders());
            System.out.println(run.summary());
            return run;
        }
    }

    private interface Check {
        void run(Database database, String table) throws Throwable;
    }

    private static Stream<DynamicNode> onEveryEngine(String what, Check check) {
        List<Engine> servers = DatabaseSettings.requestedServers();
        return ServerLanes.of(servers, servers.stream().map(engine -> DynamicTest.dynamicTest(
                engine.label() + ": " + what, () -> {
                    Database database = Engines.openOrSkip(engine);
                    String table = Store.PREFIX + Store.idMadeAt(Instant.now()) + "_stock";
                    try {
                        check.run(database, table);
                    } finally {
                        assertDropped(database, table);
                    }
                })).toList(), "jdbc-gate");
    }

    private static void assertDropped(Database database, String table) throws Exception {
        try (Connection c = database.connection()) {
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                    assertThat(rs.next()).as("table %s dropped after the run", name).isFalse();
                }
            }
        }
    }

    @AfterAll
    static void closeEngines() {
        Engines.closeAll();
    }
}
