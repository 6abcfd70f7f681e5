package dev.oversell.properties.database.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.oversell.design.JdbcPurchase;
import dev.oversell.design.JdbcSchema;
import dev.oversell.judge.Finding;
import dev.oversell.properties.database.Engines;
import dev.oversell.properties.database.GateError;
import dev.oversell.properties.database.LockProbe;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement gate over unmodified JDBC purchase code, on every reachable engine (H2 always; PostgreSQL and
 * MariaDB when reachable, required when {@code CI=true}): the read-then-write DAO oversells in some interleaving
 * and the transcript shows how; the guarded UPDATE holds in every one; code that hangs, never commits or throws
 * is a loud error, never "held"; and the tables and connections are gone after every run, whatever the outcome.
 */
class StatementScheduleRunnerTest {

    /**
     * Every distinct execution of two read-then-set purchases of the last unit: the two reads in one order
     * (they commute), then who writes and commits when, the second write waiting for the first's lock.
     */
    private static final int EXECUTIONS_OF_READ_THEN_SET = 10;

    /** The bound for code that hangs: short, so the test is quick; the default is 20 s. */
    private static final Duration SHORT_BOUND = Duration.ofSeconds(2);

    @TestFactory
    Stream<DynamicNode> readThenSetStockOversellsInSomeInterleaving() {
        return onEveryEngine("read, check, UPDATE SET stock = ? oversells", (database, table) -> {
            JdbcInterleavings run = new StatementScheduleRunner("read-then-set-stock", database,
                    JdbcSchema.stockTable(table), new ReadThenSetStock(table)).run();
            System.out.println(run.summary());
            assertThat(run.statementsAlone().get(0)).as("what T1 sent alone").hasSize(3);
            assertThat(run.interleavings()).as("interleavings of 3 + 3 statements").isEqualTo(20);
            assertThat(run.schedules()).as("every distinct execution: %s", run.summary())
                    .extracting(JdbcScheduleOutcome::ran).doesNotHaveDuplicates().hasSize(EXECUTIONS_OF_READ_THEN_SET);
            assertThat(run.verdict()).as(run.summary()).isEqualTo(JdbcInterleavings.Verdict.of(Finding.OVERSOLD));
            JdbcScheduleOutcome oversold = run.first(Finding.OVERSOLD).orElseThrow();
            System.out.println("The first oversold schedule, " + oversold.ran() + ":\n" + oversold.script());
            assertThat(oversold.sold()).isEqualTo(2);
            assertThat(oversold.script()).contains("-- setup", "-- T1", "-- T2", "UPDATE " + table
                    + " SET stock = 0 WHERE product = 'sku'", "-- oversold: 2 units sold, 1 existed");
            JdbcScheduleOutcome lostUpdate = run.schedules().stream()
                    .filter(s -> s.oversold() && s.script().contains("blocked")).findFirst().orElseThrow();
            System.out.println("An oversold schedule where T2's UPDATE waited for T1's lock, " + lostUpdate.ran()
                    + ":\n" + lostUpdate.script());
            assertThat(lostUpdate.script()).as("the blocked UPDATE returns after the COMMIT that released it")
                    .containsPattern("(?s)blocked, waiting for a lock\n.*COMMIT;\n-- T.\n-- the UPDATE above returns: 1 row affected");
            assertThat(run.schedules()).as("a buyer who reads 0 rolls back: the exploration follows the path the code takes")
                    .anyMatch(s -> s.ran().equals("s1 u1 c1 s2 r2 s2"));
        });
    }

    /**
     * A refusal is counted as a deadlock only where the engine broke one: at REPEATABLE READ, a second write of the
     * row is refused once the first commits (PostgreSQL's 40001; H2's 40001, whose message says "Deadlock detected"
     * for this too), with no cycle of lock waits. MariaDB's REPEATABLE READ (snapshot isolation off) lets the second
     * write through instead: nothing to count there.
     */
    @TestFactory
    Stream<DynamicNode> aWriteRefusedAtRepeatableReadIsNoDeadlock() {
        return onEveryEngine("read-then-set at REPEATABLE READ: refused, never counted as a deadlock", (database, table) -> {
            JdbcInterleavings run = new StatementScheduleRunner("read-then-set-stock at repeatable read", database,
                    JdbcSchema.stockTable(table), new ReadThenSetStock(table, Connection.TRANSACTION_REPEATABLE_READ)).run();
            List<JdbcScheduleOutcome> refused = run.schedules().stream()
                    .filter(s -> s.kind() == ScheduleKind.REFUSED).toList();
            if (database.engine().server() == dev.oversell.engine.Engine.MARIADB) {
                assertThat(refused).as(run.summary()).isEmpty();
                return;
            }
            assertThat(refused).as(run.summary()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.deadlockVictims()).as(s.script()).isZero());
        });
    }

    @TestFactory
    Stream<DynamicNode> statementsOnTablesThatShareNothingRunInOneOrderAndNoOutcomeIsLost() {
        return onEveryEngine("an order record beside read-then-set: fewer executions, the same outcomes", (database, table) -> {
            ReadThenSetRecordingOrders design = new ReadThenSetRecordingOrders(table);
            List<JdbcScheduleOutcome> reduced;
            List<JdbcScheduleOutcome> full;
            try (StatementScheduleRunner runner = new StatementScheduleRunner("recording orders", database,
                    design.schema(), design)) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.lastUnit());
                assertThat(discovery.footprints().get(0)).as("s1 i1 u1 c1: the INSERT and the UPDATE name their tables")
                        .extracting(Footprint::tables).containsExactly(Set.of(table), Set.of(table + "_orders"),
                                Set.of(table), null);
                reduced = all(runner.explore(discovery, 1000));
            }
            try (StatementScheduleRunner runner = new StatementScheduleRunner("recording orders, every order",
                    database, design.schema(), design).ignoringTableCoupling()) {
                full = all(runner.explore(runner.discover(StatementPlan.lastUnit()), 1000));
            }
            System.out.printf("%d executions with the tables' coupling, %d without%n", reduced.size(), full.size());
            assertThat(reduced.size()).as("orders that differ only in statements on different tables run once")
                    .isLessThan(full.size());
            assertThat(outcomes(reduced)).as("every outcome of the full exploration is reached")
                    .isEqualTo(outcomes(full)).contains("oversold: sold 2, stock 0");
        });
    }

    @TestFactory
    Stream<DynamicNode> aSampleDrawsDistinctExecutionsAndTheSameSeedDrawsTheSameOnes() {
        return onEveryEngine("random walks through the gate: distinct, and repeatable from their seed", (database, table) -> {
            try (StatementScheduleRunner runner = new StatementScheduleRunner("read-then-set-stock", database,
                    JdbcSchema.stockTable(table), new ReadThenSetStock(table))) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.lastUnit());
                Sample sample = runner.sample(discovery, 42L, 6);
                List<String> first = new java.util.ArrayList<>();
                sample.forEachRemaining(e -> first.add(e.ran()));
                System.out.println(sample.coverage() + ": " + first);
                assertThat(sample.distinct()).as(sample.coverage()).isEqualTo(6);
                assertThat(first).as("every walk is judged").hasSize(sample.walks());
                List<String> again = new java.util.ArrayList<>();
                runner.sample(discovery, 42L, 6).forEachRemaining(e -> again.add(e.ran()));
                assertThat(again).as("the same seed draws the same executions").isEqualTo(first);
                Sample all = runner.sample(discovery, 7L, 100);
                all.forEachRemaining(e -> { });
                assertThat(all.distinct()).as("asked for more than there are: every distinct execution, drawn; %s",
                        all.coverage()).isEqualTo(EXECUTIONS_OF_READ_THEN_SET);
            }
        });
    }

    /** A search that reached its limit never reads "every": it draws more at random and says it was bounded. */
    @TestFactory
    Stream<DynamicNode> anExplorationStoppedAtItsLimitGoesOnDrawingAndSaysItWasBounded() {
        return onEveryEngine("an exploration cut at 3 executions, then 4 drawn", (database, table) -> {
            try (StatementScheduleRunner runner = new StatementScheduleRunner("read-then-set-stock", database,
                    JdbcSchema.stockTable(table), new ReadThenSetStock(table))) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.lastUnit());
                Exploration cut = runner.explore(discovery, 3);
                ExplorationThenSample runs = new ExplorationThenSample(cut, () -> runner.sample(discovery, 42L, 4), 42L);
                List<JdbcScheduleOutcome> ran = new java.util.ArrayList<>();
                runs.forEachRemaining(ran::add);
                assertThat(cut.stoppedAtLimit()).isTrue();
                assertThat(cut.covered()).as("the exploration alone, stopped at its limit")
                        .isInstanceOf(dev.oversell.judge.Coverage.NotChecked.class);
                assertThat(runs.sampled()).isTrue();
                assertThat(ran).as("every run is judged").hasSize(runs.runs());
                assertThat(runs.covered(discovery.interleavings()).words()).startsWith("bounded (7 tried")
                        .contains("exploration limit of 3").contains("4 drawn at random with seed 42");
                ExplorationThenSample whole = new ExplorationThenSample(runner.explore(discovery, 1000),
                        () -> runner.sample(discovery, 42L, 4), 42L);
                whole.forEachRemaining(e -> { });
                assertThat(whole.sampled()).isFalse();
                assertThat(whole.covered(discovery.interleavings()).words())
                        .isEqualTo("every distinct execution (" + EXECUTIONS_OF_READ_THEN_SET + ")");
            }
        });
    }

    /** Every execution the exploration finds, which must be every one. */
    private static List<JdbcScheduleOutcome> all(Exploration exploration) {
        List<JdbcScheduleOutcome> runs = new java.util.ArrayList<>();
        exploration.forEachRemaining(runs::add);
        assertThat(exploration.complete()).as(exploration.coverage()).isTrue();
        assertThat(runs).noneMatch(JdbcScheduleOutcome::errored);
        return runs;
    }

    /** What the executions ended in: finding, units sold and stock left. */
    private static Set<String> outcomes(List<JdbcScheduleOutcome> runs) {
        Set<String> outcomes = new java.util.TreeSet<>();
        runs.forEach(r -> outcomes.add(r.finding().word() + ": sold " + r.sold() + ", stock " + r.stockAfter()));
        return outcomes;
    }

    @TestFactory
    Stream<DynamicNode> aMonitorAroundReadThenSetHoldsInEveryExecutionAndEitherCallMayGoFirst() {
        Object monitor = new Object();
        return onEveryEngine("a synchronized read-then-set: the second buyer waits in the JVM", (database, table) -> {
            ReadThenSetStock inner = new ReadThenSetStock(table);
            JdbcPurchase underMonitor = (dataSource, requestId, product, quantity) -> {
                synchronized (monitor) {
                    return inner.buy(dataSource, requestId, product, quantity);
                }
            };
            List<JdbcScheduleOutcome> executions = explore(new StatementScheduleRunner("synchronized-read-then-set",
                    database, JdbcSchema.stockTable(table), underMonitor));
            assertOneCallAfterTheOther(executions);
        });
    }

    @TestFactory
    Stream<DynamicNode> workHandedToAnExecutorThatCarriesTheCallersContextIsScheduledAsTheCallers() {
        return onEveryEngine("read-then-set on a context-propagating executor", (database, table) -> {
            ReadThenSetStock inner = new ReadThenSetStock(table);
            java.util.concurrent.ExecutorService executor = io.micrometer.context.ContextExecutorService.wrap(
                    java.util.concurrent.Executors.newSingleThreadExecutor(),
                    io.micrometer.context.ContextSnapshotFactory.builder().build());
            try {
                JdbcPurchase handedOver = (dataSource, requestId, product, quantity) -> {
                    try {
                        return executor.submit(() -> inner.buy(dataSource, requestId, product, quantity)).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new java.sql.SQLException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.sql.SQLException(e);
                    }
                };
                List<JdbcScheduleOutcome> executions = explore(new StatementScheduleRunner("executor-read-then-set",
                        database, JdbcSchema.stockTable(table), handedOver));
                assertOneCallAfterTheOther(executions);
            } finally {
                executor.shutdownNow();
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> workHandedToAThreadThatCarriesNothingIsRefusedNotPassed() {
        return onEveryEngine("read-then-set on a thread of its own", (database, table) -> {
            ReadThenSetStock inner = new ReadThenSetStock(table);
            JdbcPurchase ownThread = (dataSource, requestId, product, quantity) -> {
                int[] sold = new int[1];
                java.sql.SQLException[] failed = new java.sql.SQLException[1];
                Thread thread = new Thread(() -> {
                    try {
                        sold[0] = inner.buy(dataSource, requestId, product, quantity);
                    } catch (java.sql.SQLException e) {
                        failed[0] = e;
                    }
                });
                thread.start();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (failed[0] != null) {
                    throw failed[0];
                }
                return sold[0];
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("own-thread-read-then-set", database,
                    JdbcSchema.stockTable(table), ownThread)) {
                assertThatThrownBy(() -> runner.discover(StatementPlan.lastUnit()))
                        .isInstanceOf(GateError.class)
                        .hasMessageContaining("works for none of its calls")
                        .hasMessageContaining("context");
            }
        });
    }

    /**
     * Every distinct execution of two purchases of the last unit, those found equivalent on the way left out;
     * closes the runner.
     */
    private static List<JdbcScheduleOutcome> explore(StatementScheduleRunner runner) throws Exception {
        try (runner) {
            Exploration exploration = runner.explore(runner.discover(StatementPlan.lastUnit()), 100);
            List<JdbcScheduleOutcome> runs = new java.util.ArrayList<>();
            exploration.forEachRemaining(runs::add);
            runs.forEach(e -> System.out.println(e.line()));
            assertThat(exploration.complete()).as("every execution run").isTrue();
            assertThat(runs).as("each call's start is a scheduling point once calls waited in the JVM")
                    .allMatch(e -> e.ran().startsWith("e"));
            return runs.stream().filter(e -> !e.ran().matches(".*e1.*e2.*c1.*|.*e2.*e1.*c2.*")).toList();
        }
    }

    /** Two executions, every one held: T1's call whole, then T2's (which reads 0, rolls back, reads again), and the other way round. */
    private static void assertOneCallAfterTheOther(List<JdbcScheduleOutcome> executions) {
        assertThat(executions).allMatch(e -> e.finding() == Finding.HELD && !e.errored());
        assertThat(executions).extracting(JdbcScheduleOutcome::ran)
                .containsExactlyInAnyOrder("e1 s1 u1 c1 e2 s2 r2 s2", "e2 s2 u2 c2 e1 s1 r1 s1");
    }

    @TestFactory
    Stream<DynamicNode> whichOfTwoWokenWaitersGoesOnIsTheEnginesChoiceAndTheCoverageSaysSo() {
        return onEveryEngine("three buyers behind one row lock", (database, table) -> {
            try (StatementScheduleRunner runner = new StatementScheduleRunner("locked-read-then-set", database,
                    JdbcSchema.stockTable(table), ReadThenSetStock.lockingTheRow(table))) {
                Exploration exploration = runner.explore(runner.discover(StatementPlan.threeBuyers()), 5_000);
                List<JdbcScheduleOutcome> runs = new java.util.ArrayList<>();
                exploration.forEachRemaining(runs::add);
                assertThat(runs).as("never oversold").allMatch(r -> r.finding() == Finding.HELD);
                if (database.engine().server() == dev.oversell.engine.Engine.MARIADB) {
                    assertThat(exploration.covered()).as("InnoDB grants a row lock to its waiters in the order they"
                            + " asked, which the gate chose").isInstanceOf(dev.oversell.judge.Coverage.Every.class);
                } else {
                    assertThat(exploration.covered()).as("a commit woke two buyers waiting at their read; which"
                            + " locked the row next was the engine's choice, not the gate's")
                            .isInstanceOfSatisfying(dev.oversell.judge.Coverage.EveryReachable.class, covered -> {
                                assertThat(covered.wokenTogether()).isPositive();
                                assertThat(covered.words()).contains("woken together");
                            });
                    assertThat(exploration.complete()).isFalse();
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> guardedDecrementHoldsInEveryInterleaving() {
        return onEveryEngine("UPDATE ... WHERE stock >= ? holds", (database, table) -> {
            JdbcInterleavings run = new StatementScheduleRunner("guarded-decrement", database,
                    JdbcSchema.stockTable(table), new GuardedDecrement(table)).run();
            System.out.println(run.summary());
            assertThat(run.schedules()).as("every execution: a write waits for the other's lock, the loser rolls back"
                    + " and reads the stock")
                    .extracting(JdbcScheduleOutcome::ran)
                    .containsExactlyInAnyOrder("u1 c1 u2 r2 s2", "u1 u2 c1 r2 s2", "u2 c2 u1 r1 s1", "u2 u1 c2 r1 s1");
            assertThat(run.errors()).as(run.summary()).isEmpty();
            assertThat(run.findings()).as(run.summary()).hasSize(4).containsOnly(Finding.HELD);
            assertThat(run.schedules()).as("T2's UPDATE waits for T1's row lock while T1 commits")
                    .filteredOn(s -> s.ran().equals("u1 u2 c1 r2 s2")).singleElement()
                    .satisfies(s -> assertThat(s.script()).contains("-- blocked, waiting for a lock"));
        });
    }

    @TestFactory
    Stream<DynamicNode> turningAutocommitBackOnAfterTheCommitIsNotASecondCommit() {
        return onEveryEngine("setAutoCommit(true) after COMMIT, as Spring's transaction managers do, sends nothing",
                (database, table) -> {
                    GuardedDecrement guarded = new GuardedDecrement(table);
                    JdbcPurchase resetsAutocommit = (dataSource, requestId, product, quantity) ->
                            guarded.buy(new AutocommitResetting(dataSource), requestId, product, quantity);
                    JdbcInterleavings run = new StatementScheduleRunner("guarded-decrement, autocommit reset",
                            database, JdbcSchema.stockTable(table), resetsAutocommit).run();
                    System.out.println(run.summary());
                    assertThat(run.statementsAlone().get(0)).as(run.summary()).hasSize(2).last().isEqualTo("COMMIT");
                    assertThat(run.schedules()).as("every execution of 2 + 2 statements").hasSize(4);
                    assertThat(run.errors()).as(run.summary()).isEmpty();
                    assertThat(run.findings()).as(run.summary()).containsOnly(Finding.HELD);
                });
    }

    @TestFactory
    Stream<DynamicNode> aPurchaseThatHangsBeforeCommittingIsStoppedAtTheBound() {
        return onEveryEngine("code that hangs after its UPDATE is a gate error naming it", (database, table) -> {
            CountDownLatch never = new CountDownLatch(1);
            JdbcPurchase hangs = (dataSource, requestId, product, quantity) -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement take = c.prepareStatement(
                            "UPDATE " + table + " SET stock = stock - 1 WHERE product = ?")) {
                        take.setString(1, product);
                        take.executeUpdate();
                    }
                    never.await(); // never commits
                    c.commit();
                    return quantity;
                }
            };
            assertThatThrownBy(() -> new StatementScheduleRunner("hangs", database, JdbcSchema.stockTable(table), hangs)
                    .bound(SHORT_BOUND).run())
                    .isInstanceOf(GateError.class)
                    .hasMessageContaining("neither sent its next statement nor returned within 2000 ms after `UPDATE "
                            + table + " SET stock = stock - 1 WHERE product = 'sku'`");
        });
    }

    @TestFactory
    Stream<DynamicNode> aPurchaseThatHangsWhileTheOtherWaitsForItsLockIsStoppedAndCleanedUp() {
        return onEveryEngine("code that hangs holding a lock another waits for is stopped; all is cleaned up",
                (database, table) -> {
                    // T1's third call is the one in plan u1 u2 c1 c2 (after T1 alone and plan u1 c1 u2 c2): T1
                    // hangs after its UPDATE, while T2's UPDATE waits for T1's row lock
                    AtomicInteger callsOfT1 = new AtomicInteger();
                    CountDownLatch never = new CountDownLatch(1);
                    GuardedDecrement guarded = new GuardedDecrement(table);
                    JdbcPurchase hangsOnce = (dataSource, requestId, product, quantity) -> {
                        if (!requestId.endsWith("T1") || callsOfT1.incrementAndGet() != 3) {
                            return guarded.buy(dataSource, requestId, product, quantity);
                        }
                        try (Connection c = dataSource.getConnection()) {
                            c.setAutoCommit(false);
                            GuardedDecrement.take(c, table, product, quantity);
                            never.await();
                            c.commit();
                            return quantity;
                        }
                    };
                    assertThatThrownBy(() -> new StatementScheduleRunner("hangs once", database,
                            JdbcSchema.stockTable(table), hangsOnce).bound(SHORT_BOUND).run())
                            .isInstanceOf(GateError.class)
                            .hasMessageContaining("T1 neither sent its next statement nor returned within 2000 ms"
                                    + " after `UPDATE " + table + " SET stock = stock - 1 WHERE product = 'sku'"
                                    + " AND stock >= 1`")
                            .hasMessageContaining("-- blocked, waiting for a lock");
                });
    }

    @TestFactory
    Stream<DynamicNode> aPurchaseThatReturnsWithItsTransactionOpenIsAGateError() {
        return onEveryEngine("code that returns without committing is a gate error naming its statement",
                (database, table) -> {
                    JdbcPurchase leaves = (dataSource, requestId, product, quantity) -> {
                        Connection c = dataSource.getConnection(); // never closed, never committed
                        c.setAutoCommit(false);
                        try (PreparedStatement take = c.prepareStatement(
                                "UPDATE " + table + " SET stock = stock - 1 WHERE product = ?")) {
                            take.setString(1, product);
                            take.executeUpdate();
                        }
                        return quantity;
                    };
                    assertThatThrownBy(() -> new StatementScheduleRunner("leaves its transaction open", database,
                            JdbcSchema.stockTable(table), leaves).bound(SHORT_BOUND).run())
                            .isInstanceOf(GateError.class)
                            .hasMessageContaining("T1 returned without committing or rolling back after `UPDATE "
                                    + table + " SET stock = stock - 1 WHERE product = 'sku'`");
                });
    }

    @TestFactory
    Stream<DynamicNode> aPurchaseThatThrowsIsAnErrorNotHeld() {
        return onEveryEngine("code that throws when refused is an error, not held", (database, table) -> {
            GuardedDecrement guarded = new GuardedDecrement(table);
            JdbcPurchase throwsWhenRefused = (dataSource, requestId, product, quantity) -> {
                if (guarded.buy(dataSource, requestId, product, quantity) == 0) {
                    throw new IllegalStateException("sold out");
                }
                return quantity;
            };
            JdbcInterleavings run = new StatementScheduleRunner("throws when refused", database,
                    JdbcSchema.stockTable(table), throwsWhenRefused).run();
            System.out.println(run.summary());
            assertThat(run.verdict()).as(run.summary()).isInstanceOf(JdbcInterleavings.Verdict.Errored.class);
            assertThat(run.schedules()).allMatch(JdbcScheduleOutcome::errored);
            assertThat(run.findings()).as("errored schedules are not judged").isEmpty();
            assertThat(run.errors().get(0).errors().get(0)).contains("threw IllegalStateException", "sold out");
        });
    }

    @TestFactory
    Stream<DynamicNode> aPurchaseRefusedEvenAloneIsAnErrorNotHeld() {
        return onEveryEngine("code that always reports a serialization failure is an error, not held", (database, table) -> {
            GuardedDecrement guarded = new GuardedDecrement(table);
            JdbcPurchase alwaysRefused = (dataSource, requestId, product, quantity) -> {
                guarded.buy(dataSource, requestId, product, quantity); // it talks to the engine, then fails anyway
                throw new java.sql.SQLException("could not serialize access", "40001", 1213);
            };
            JdbcInterleavings run = new StatementScheduleRunner("always refused", database,
                    JdbcSchema.stockTable(table), alwaysRefused).run();
            assertThat(run.verdict()).as(run.summary()).isInstanceOf(JdbcInterleavings.Verdict.Errored.class);
            assertThat(run.findings()).as("nothing was judged: no schedule ran").isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicNode> aPurchaseThatThrowsUnsupportedOperationIsAnErrorNotInapplicable() {
        return onEveryEngine("a purchase that always throws UnsupportedOperationException is an error, never not"
                + " applicable", (database, table) -> {
            GuardedDecrement guarded = new GuardedDecrement(table);
            JdbcPurchase alwaysUnsupported = (dataSource, requestId, product, quantity) -> {
                guarded.buy(dataSource, requestId, product, quantity);
                throw new UnsupportedOperationException("not today");
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("always unsupported", database,
                    JdbcSchema.stockTable(table), alwaysUnsupported)) {
                for (StatementPlan plan : List.of(StatementPlan.lastUnit(), StatementPlan.restockRacingPurchase())) {
                    StatementScheduleRunner.Discovery discovery = runner.discover(plan);
                    if (plan.calls().stream().anyMatch(PlannedCall.Restock.class::isInstance)) {
                        assertThat(discovery.notApplicable()).as(plan.name())
                                .contains("restock", "declared without restock");
                    } else {
                        assertThat(discovery.notApplicable()).as("%s: a purchase is never not applicable", plan.name())
                                .isNull();
                        assertThat(discovery.errored()).as(plan.name()).isTrue();
                    }
                }
            }
            JdbcInterleavings run = new StatementScheduleRunner("always unsupported", database,
                    JdbcSchema.stockTable(table), alwaysUnsupported).run();
            assertThat(run.verdict()).as(run.summary()).isInstanceOf(JdbcInterleavings.Verdict.Errored.class);
        });
    }

    @TestFactory
    Stream<DynamicNode> aRestockThatThrowsIsAnErrorForADesignThatRestocks() {
        return onEveryEngine("a restock that throws on a design declaring restocks is an error", (database, table) -> {
            JdbcSchema schema = JdbcSchema.stockTable(table);
            JdbcPurchase guarded = new GuardedDecrement(table);
            StatementScheduleRunner runner = new StatementScheduleRunner("restock unsupported", database, schema,
                    ScheduledDesign.of(dataSource -> guarded.over(dataSource, schema)));
            try (runner) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.restockRacingPurchase());
                assertThat(discovery.notApplicable()).as("the design did not declare it has no restock").isNull();
                assertThat(discovery.errored()).isTrue();
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aStatementFromAThreadThatWorksForNoCallIsRefusedLoudly() {
        return onEveryEngine("a read sent from a thread of its own beside a scheduled UPDATE is a gate error",
                (database, table) -> {
            GuardedDecrement guarded = new GuardedDecrement(table);
            JdbcPurchase readsAside = (dataSource, requestId, product, quantity) -> {
                Thread reader = new Thread(() -> {
                    try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(
                            "SELECT stock FROM " + table + " WHERE product = ?")) {
                        read.setString(1, product);
                        read.executeQuery().close();
                    } catch (java.sql.SQLException | RuntimeException | Error swallowed) {
                        // the design swallows whatever happened: the gate must still not pass the schedule
                    }
                }, "reads-aside");
                reader.start();
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return guarded.buy(dataSource, requestId, product, quantity);
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("reads aside", database,
                    JdbcSchema.stockTable(table), readsAside)) {
                assertThatThrownBy(() -> runner.discover(StatementPlan.lastUnit()))
                        .isInstanceOf(GateError.class)
                        .hasMessageContaining("thread 'reads-aside'")
                        .hasMessageContaining("works for none of its calls");
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> theEnginesOwnConnectionIsNeverHandedOut() {
        return onEveryEngine("unwrap and getMetaData().getConnection() give the scheduled connection", (database, table) -> {
            JdbcPurchase throughMetaData = (dataSource, requestId, product, quantity) -> {
                assertThatThrownBy(() -> dataSource.unwrap(java.io.Closeable.class)) // the pool, HikariDataSource
                        .as("the pool behind the data source, asked for inside a call")
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("cannot schedule");
                try (Connection given = dataSource.getConnection()) {
                    Connection c = given.unwrap(Connection.class).getMetaData().getConnection();
                    assertThatThrownBy(() -> given.unwrap(Class.forName(database.engine() == dev.oversell.engine.Engine.H2
                            ? "org.h2.jdbc.JdbcConnection" : database.engine() == dev.oversell.engine.Engine.POSTGRESQL
                            ? "org.postgresql.PGConnection" : "org.mariadb.jdbc.Connection")))
                            .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("cannot schedule");
                    c.setAutoCommit(false);
                    int updated = GuardedDecrement.take(c, table, product, quantity);
                    c.commit();
                    return updated == 1 ? quantity : 0;
                }
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("through its metadata", database,
                    JdbcSchema.stockTable(table), throughMetaData)) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.lastUnit());
                assertThat(discovery.verbs().get(0)).as("the UPDATE and COMMIT went through the gate")
                        .containsExactly("update", "commit");
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aReadOfAViewOrAtSerializableIsNoPlainRead() {
        return onEveryEngine("a SELECT of a view, or at SERIALIZABLE, may decide an order: it commutes with nothing",
                (database, table) -> {
            JdbcSchema stock = JdbcSchema.stockTable(table);
            JdbcSchema withView = new JdbcSchema(List.of(stock.create().get(0), "CREATE VIEW " + table + "_v AS SELECT"
                    + " product, stock FROM " + table), List.of("DROP VIEW IF EXISTS " + table + "_v",
                    stock.drop().get(0)), stock.stockProduct(), stock.readStock());
            for (String from : List.of(table + "_v", table)) {
                for (int level : new int[] {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_SERIALIZABLE}) {
                    JdbcPurchase readThenGuard = (dataSource, requestId, product, quantity) -> {
                        try (Connection c = dataSource.getConnection()) {
                            c.setAutoCommit(false);
                            c.setTransactionIsolation(level);
                            try (PreparedStatement read = c.prepareStatement("SELECT stock FROM " + from
                                    + " WHERE product = ?")) {
                                read.setString(1, product);
                                read.executeQuery().close();
                            }
                            c.commit();
                        }
                        return new GuardedDecrement(table).buy(dataSource, requestId, product, quantity);
                    };
                    try (StatementScheduleRunner runner = new StatementScheduleRunner("reads " + from, database,
                            withView, readThenGuard)) {
                        Footprint read = runner.discover(StatementPlan.lastUnit()).footprints().get(0).get(0);
                        boolean plain = from.equals(table) && level != Connection.TRANSACTION_SERIALIZABLE;
                        assertThat(read.plainRead()).as("SELECT from %s at level %d", from, level).isEqualTo(plain);
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aTriggerTheDesignsStartUpAddsIsSeen() {
        return onEveryEngine("a trigger created when the design starts couples its tables", (database, table) -> {
            ReadThenSetRecordingOrders design = new ReadThenSetRecordingOrders(table);
            String orders = table + "_orders";
            ScheduledDesign startsWithATrigger = scheduling -> {
                try (Connection c = database.connection(); java.sql.Statement s = c.createStatement()) {
                    for (String ddl : triggerOn(database.engine(), orders)) {
                        s.execute(ddl);
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return List.of(design.over(scheduling.dataSource(), design.schema()));
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("starts with a trigger", database,
                    design.schema(), startsWithATrigger)) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.lastUnit());
                assertThat(discovery.footprints().get(0).get(1).tables())
                        .as("the INSERT into %s, a table with a trigger, may touch anything (%s)", orders,
                                runner.coupling()).isNull();
            } finally {
                if (database.engine() == dev.oversell.engine.Engine.POSTGRESQL) {
                    try (Connection c = database.connection(); java.sql.Statement s = c.createStatement()) {
                        s.execute("DROP FUNCTION IF EXISTS " + orders + "_note() CASCADE");
                    }
                }
            }
        });
    }

    /** An H2 function that takes 0.7 s to give its argument back: a statement that runs long, waiting for nothing. */
    public static final class Slowly {
        public static int id(int value) throws InterruptedException {
            Thread.sleep(700);
            return value;
        }
    }

    @TestFactory
    Stream<DynamicNode> aStatementThatMerelyRunsLongIsAGuessTheCoverageSays() {
        return onEveryEngine("H2: a read running past 0.5 s, waiting for no lock, is a guessed wait: not every"
                + " distinct execution", (database, table) -> {
            if (database.engine() != dev.oversell.engine.Engine.H2) {
                return; // only H2 lists a statement as merely running where it waits
            }
            JdbcSchema stock = JdbcSchema.stockTable(table);
            JdbcSchema withSlowly = new JdbcSchema(List.of(stock.create().get(0), "CREATE ALIAS IF NOT EXISTS "
                    + table + "_slowly FOR '" + Slowly.class.getName() + ".id'"), List.of("DROP ALIAS IF EXISTS "
                    + table + "_slowly", stock.drop().get(0)), stock.stockProduct(), stock.readStock());
            JdbcPurchase slowReadThenGuard = (dataSource, requestId, product, quantity) -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(
                        "SELECT " + table + "_slowly(stock) FROM " + table + " WHERE product = ?")) {
                    read.setString(1, product);
                    read.executeQuery().close();
                }
                return new GuardedDecrement(table).buy(dataSource, requestId, product, quantity);
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("slow read", database, withSlowly,
                    slowReadThenGuard)) {
                Exploration exploration = runner.explore(runner.discover(StatementPlan.lastUnit()), 100);
                List<JdbcScheduleOutcome> runs = new java.util.ArrayList<>();
                exploration.forEachRemaining(runs::add);
                assertThat(runs).allMatch(o -> o.finding() == Finding.HELD);
                assertThat(exploration.complete()).as("every execution run, but on guesses").isFalse();
                assertThat(exploration.guessedWaits()).as("the slow reads taken as waiting on a guess").isPositive();
                assertThat(exploration.covered()).as(exploration.coverage())
                        .isInstanceOf(dev.oversell.judge.Coverage.EveryReachable.class);
                assertThat(exploration.covered().words()).contains("lock waits guessed");
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aUniqueKeyWaitH2DoesNotNameIsSeenNotGuessed() {
        return onEveryEngine("two INSERTs of one unique key: the second waits, seen as a wait on every engine",
                (database, table) -> {
            String orders = table + "_orders";
            JdbcSchema stock = JdbcSchema.stockTable(table);
            JdbcSchema withOrders = new JdbcSchema(List.of(stock.create().get(0), "CREATE TABLE " + orders
                    + " (id INT PRIMARY KEY, request_id VARCHAR(64) NOT NULL UNIQUE)"), List.of("DROP TABLE IF EXISTS "
                    + orders, stock.drop().get(0)), stock.stockProduct(), stock.readStock());
            AtomicInteger ids = new AtomicInteger();
            JdbcPurchase recordsTheRequestFirst = (dataSource, requestId, product, quantity) -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement record = c.prepareStatement("INSERT INTO " + orders
                            + " (id, request_id) VALUES (?, ?)")) {
                        record.setInt(1, ids.incrementAndGet());
                        record.setString(2, "same-request");
                        record.executeUpdate();
                    } catch (java.sql.SQLException duplicate) {
                        c.rollback();
                        return 0;
                    }
                    c.commit();
                }
                return new GuardedDecrement(table).buy(dataSource, requestId, product, quantity);
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("same request", database, withOrders,
                    recordsTheRequestFirst)) {
                Exploration exploration = runner.explore(runner.discover(StatementPlan.lastUnit()), 100);
                List<JdbcScheduleOutcome> runs = new java.util.ArrayList<>();
                exploration.forEachRemaining(runs::add);
                assertThat(runs).noneMatch(JdbcScheduleOutcome::errored).allMatch(o -> o.finding() == Finding.HELD);
                assertThat(runs).as("the second INSERT of the key waited for the first")
                        .anyMatch(o -> o.script().contains("INSERT INTO " + orders) && o.script().contains("-- blocked"));
                assertThat(exploration.guessedWaits()).as("waits guessed (%s)", exploration.coverage()).isZero();
                // which of the two INSERTs gets the key first is the engine's race: a replay it answers otherwise
                // is a branch of its own (EveryReachable, diverged), never a guessed wait
                assertThat(exploration.covered()).as(exploration.coverage()).satisfiesAnyOf(
                        covered -> assertThat(covered).isInstanceOf(dev.oversell.judge.Coverage.Every.class),
                        covered -> assertThat(covered).isInstanceOfSatisfying(dev.oversell.judge.Coverage.EveryReachable.class,
                                reachable -> assertThat(reachable.guessed()).isZero()));
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aLockHeldOutsideTheScheduleIsAGateErrorNamingItsHolder() {
        return onEveryEngine("a row lock held by a session outside the schedule is named, never taken as a wait",
                (database, table) -> {
            if (database.engine().server() == dev.oversell.engine.Engine.MARIADB) {
                return; // InnoDB's monitor names no blocker
            }
            Connection[] outside = new Connection[1];
            long[] holder = new long[1];
            int[] befores = new int[1];
            ScheduledDesign besideAnOutsideLock = new ScheduledDesign() {
                @Override
                public List<dev.oversell.model.Inventory> open(Database scheduling) {
                    return List.of(new GuardedDecrement(table).over(scheduling.dataSource(), JdbcSchema.stockTable(table)));
                }

                @Override
                public void beforeEachSchedule(Database real) {
                    try {
                        // the first time is before the tables are made afresh for T1 alone: the lock is taken after
                        if (++befores[0] == 2) {
                            outside[0] = real.connection();
                            holder[0] = real.engine().sessionId(outside[0]);
                            outside[0].setAutoCommit(false);
                            try (PreparedStatement hold = outside[0].prepareStatement("UPDATE " + table
                                    + " SET stock = stock WHERE product = ?")) {
                                hold.setString(1, StatementScheduleRunner.PRODUCT);
                                hold.executeUpdate();
                            }
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("beside an outside lock", database,
                    JdbcSchema.stockTable(table), besideAnOutsideLock).withoutRestock().bound(SHORT_BOUND)) {
                try {
                    assertThatThrownBy(() -> runner.discover(StatementPlan.lastUnit()))
                            .isInstanceOf(GateError.class)
                            .hasMessageContaining("held by session " + holder[0] + ", which is outside the schedule")
                            .hasMessageContaining("UPDATE " + table);
                } finally {
                    if (outside[0] != null) {
                        outside[0].rollback();
                        outside[0].close();
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aUserLockWaitIsAWaitTheGateKnows() {
        return onEveryEngine("GET_LOCK (MariaDB) or an advisory lock (PostgreSQL) around the purchase: a wait",
                (database, table) -> {
            if (database.engine() == dev.oversell.engine.Engine.H2) {
                return; // H2 has no user locks
            }
            boolean maria = database.engine().server() == dev.oversell.engine.Engine.MARIADB;
            String take = maria ? "SELECT GET_LOCK('" + table + "', 60)" : "SELECT pg_advisory_lock(42)";
            String release = maria ? "SELECT RELEASE_LOCK('" + table + "')" : "SELECT pg_advisory_unlock(42)";
            JdbcPurchase underAUserLock = (dataSource, requestId, product, quantity) -> {
                try (Connection c = dataSource.getConnection()) {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.executeQuery(take).close();
                    }
                    try {
                        return new GuardedDecrement(table).buy(dataSource, requestId, product, quantity);
                    } finally {
                        try (java.sql.Statement s = c.createStatement()) {
                            s.executeQuery(release).close();
                        }
                    }
                }
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("under a user lock", database,
                    JdbcSchema.stockTable(table), underAUserLock).bound(SHORT_BOUND)) {
                Exploration exploration = runner.explore(runner.discover(StatementPlan.lastUnit()), 100);
                List<JdbcScheduleOutcome> runs = all(exploration);
                assertThat(runs).allMatch(o -> o.finding() == Finding.HELD);
                assertThat(runs).as("the second call's lock waited for the first's")
                        .anyMatch(o -> o.script().contains(take + "; -- blocked"));
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aConnectionKeptFromTheStartUpIsRefusedInsideASchedule() {
        return onEveryEngine("a read on a connection the design took at its start-up is a gate error",
                (database, table) -> {
            ScheduledDesign keepsAConnection = scheduling -> {
                Connection kept;
                try {
                    kept = scheduling.dataSource().getConnection();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                JdbcPurchase readsOnIt = (dataSource, requestId, product, quantity) -> {
                    try (PreparedStatement read = kept.prepareStatement("SELECT stock FROM " + table
                            + " WHERE product = ?")) {
                        read.setString(1, product);
                        read.executeQuery().close();
                    } catch (java.sql.SQLException | RuntimeException | Error swallowed) {
                        // the design swallows whatever happened: the gate must still not pass the schedule
                    }
                    return new GuardedDecrement(table).buy(dataSource, requestId, product, quantity);
                };
                dev.oversell.model.Inventory inventory = readsOnIt.over(scheduling.dataSource(),
                        JdbcSchema.stockTable(table));
                return List.of(new dev.oversell.model.Inventory() {
                    @Override
                    public dev.oversell.model.PurchaseResult buy(dev.oversell.model.PurchaseRequest request) {
                        return inventory.buy(request);
                    }

                    @Override
                    public void restock(String product, long units) {
                        inventory.restock(product, units);
                    }

                    @Override
                    public long stock(String product) {
                        return inventory.stock(product);
                    }

                    @Override
                    public void close() {
                        try {
                            kept.close();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        inventory.close();
                    }
                });
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("keeps a connection", database,
                    JdbcSchema.stockTable(table), keepsAConnection).withoutRestock()) {
                assertThatThrownBy(() -> runner.discover(StatementPlan.lastUnit()))
                        .isInstanceOf(GateError.class)
                        .hasMessageContaining("taken outside any schedule")
                        .hasMessageContaining("SELECT stock FROM " + table);
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aMetadataResultSetLeadsBackToTheScheduledConnection() {
        return onEveryEngine("getMetaData().getTables(...).getStatement() gives no way to the engine's connection",
                (database, table) -> {
            JdbcPurchase throughAResultSet = (dataSource, requestId, product, quantity) -> {
                try (Connection given = dataSource.getConnection()) {
                    Statement behind;
                    try (ResultSet tables = given.getMetaData().getTables(null, null, "%", null)) {
                        behind = tables.getStatement();
                    }
                    Connection c = behind == null ? given : behind.getConnection();
                    c.setAutoCommit(false);
                    int updated = GuardedDecrement.take(c, table, product, quantity);
                    c.commit();
                    return updated == 1 ? quantity : 0;
                }
            };
            try (StatementScheduleRunner runner = new StatementScheduleRunner("through a result set", database,
                    JdbcSchema.stockTable(table), throughAResultSet)) {
                StatementScheduleRunner.Discovery discovery = runner.discover(StatementPlan.lastUnit());
                assertThat(discovery.verbs().get(0)).as("the UPDATE and COMMIT went through the gate")
                        .containsExactly("update", "commit");
            }
        });
    }

    /** A trigger that does nothing to speak of, on {@code table}, in {@code engine}'s dialect. */
    private static List<String> triggerOn(dev.oversell.engine.Engine engine, String table) {
        return switch (engine) {
            case POSTGRESQL -> List.of("CREATE OR REPLACE FUNCTION " + table + "_note() RETURNS trigger LANGUAGE plpgsql"
                            + " AS $$ BEGIN RETURN NEW; END $$",
                    "CREATE TRIGGER " + table + "_t BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
                            + table + "_note()");
            case H2 -> List.of("CREATE TRIGGER " + table + "_t BEFORE INSERT ON " + table + " FOR EACH ROW CALL '"
                    + TableCouplingTest.Nothing.class.getName() + "'");
            default -> List.of("CREATE TRIGGER " + table + "_t BEFORE INSERT ON " + table
                    + " FOR EACH ROW SET NEW.quantity = NEW.quantity");
        };
    }

    @TestFactory
    Stream<DynamicNode> aGateBlindToLockWaitsFailsTheRun() {
        return onEveryEngine("a lock timeout inside a schedule is a gate error, not a pass", (database, table) -> {
            LockProbe blind = (monitor, session) -> dev.oversell.engine.LockWait.NONE;
            // sessions that give up a lock wait after 1 s (the engines' column waits 5 s): the missed wait, run twice,
            // ends in 2 s instead of 10
            try (Database quick = DatabaseSettings.open(database.engine(), 1_000)) {
                assertThatThrownBy(() -> new StatementScheduleRunner("guarded-decrement", quick,
                        JdbcSchema.stockTable(table), new GuardedDecrement(table)).probe(blind).run())
                        .isInstanceOf(GateError.class)
                        .hasMessageContaining("lock timeout inside a schedule");
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> aStockReaderThatDoesNotMatchTheSchemaFailsBeforeAnySchedule() {
        return onEveryEngine("a stock reader of another table is refused before any schedule", (database, table) -> {
            JdbcSchema schema = JdbcSchema.stockTable(table);
            JdbcSchema wrongReader = new JdbcSchema(schema.create(), schema.drop(), schema.stockProduct(),
                    "SELECT stock + 1 FROM " + table + " WHERE product = ?");
            assertThatThrownBy(() -> new StatementScheduleRunner("wrong reader", database, wrongReader,
                    new GuardedDecrement(table)).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the stock reader `SELECT stock + 1 FROM " + table);
        });
    }

    /** Runs {@code check} on every requested engine with a fresh table name, then checks nothing was left behind. */
    private static Stream<DynamicNode> onEveryEngine(String what, Check check) {
        List<Engine> servers = DatabaseSettings.requestedServers();
        return ServerLanes.of(servers, servers.stream().map(engine -> DynamicTest.dynamicTest(
                engine.label() + ": " + what, () -> {
                    Database database = Engines.openOrSkip(engine);
                    String table = Store.PREFIX + Store.idMadeAt(Instant.now()) + "_stock";
                    long start = System.nanoTime();
                    Throwable failed = null;
                    try {
                        check.run(database, table);
                    } catch (Throwable t) {
                        failed = t;
                        throw t;
                    } finally {
                        System.out.printf("[jdbc-gate] %s: %s took %d ms%n", engine.label(), what,
                                (System.nanoTime() - start) / 1_000_000);
                        try {
                            assertNothingLeftBehind(database, table);
                        } catch (AssertionError leftBehind) {
                            if (failed == null) {
                                throw leftBehind;
                            }
                            failed.addSuppressed(leftBehind); // the check's own failure comes first
                        }
                    }
                })).toList(), "jdbc-gate");
    }

    /** One check of one engine, given the database and the design's table name. */
    @FunctionalInterface
    private interface Check {
        void run(Database database, String table) throws Throwable;
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
