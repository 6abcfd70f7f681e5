package dev.oversell.properties.database.jdbc;

import dev.oversell.design.JdbcSchema;
import dev.oversell.properties.database.Engines;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs on one server never use the schedules' tables at once ({@link ScheduleTablesLock}): their names are the
 * same in every run, and one run's reset in the middle of another's execution would change what that execution
 * counts. "Another run" here is a connection of the test's own that takes the server's lock, as another JVM's
 * runner would.
 */
class ScheduleTablesLockTest {

    @TestFactory
    Stream<DynamicTest> aRunnerHoldsTheServersLockFromItsFirstResetUntilItCloses() {
        return onEveryServer("a runner keeps another run off the tables until it closes",
                ScheduleTablesLockTest::holdsUntilClosed);
    }

    private static void holdsUntilClosed(Database database, Connection another, Engine server, String name)
            throws Exception {
        try (StatementScheduleRunner runner = new StatementScheduleRunner("guarded decrement", database,
                JdbcSchema.stockTable("ovs_lock_test_stock"), new GuardedDecrement("ovs_lock_test_stock"))) {
            runner.discover(StatementPlan.lastUnit());
            assertThat(ScheduleTablesLock.tryLock(another, server, name))
                    .as("another run takes the lock while a runner uses the tables").isFalse();
        }
        assertThat(ScheduleTablesLock.tryLock(another, server, name))
                .as("another run takes the lock once the runner closed").isTrue();
    }

    @TestFactory
    Stream<DynamicTest> aRunWaitsForAnotherRunOnTheSameServerAndSaysWhoHoldsIt() {
        return onEveryServer("a run waits, saying so, until the other run lets go", ScheduleTablesLockTest::waitsAndSays);
    }

    private static void waitsAndSays(Database database, Connection another, Engine server, String name)
            throws Exception {
        long anotherSession = server.sessionId(another);
        assertThat(ScheduleTablesLock.tryLock(another, server, name)).isTrue();
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return ScheduleTablesLock.acquire(database, line -> {
                    said.add(line);
                    waiting.countDown();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the waiting run says it waits").isTrue();
        assertThat(taken).as("while the other run holds the lock").isNotDone();
        assertThat(said.get(0)).contains("another run on", "session " + anotherSession, "waiting for it");
        ScheduleTablesLock.unlock(another, server, name);
        String key = taken.get(10, TimeUnit.SECONDS); // the waiting run polls every 0.2 s
        assertThat(ScheduleTablesLock.tryLock(another, server, name)).as("held by the run that waited").isFalse();
        ScheduleTablesLock.release(database, key);
        assertThat(ScheduleTablesLock.tryLock(another, server, name)).as("let go of").isTrue();
    }

    /** A check given the server's database and "another run": a session of its own and the lock's name. */
    private interface Check {
        void run(Database database, Connection another, Engine server, String name) throws Exception;
    }

    private static Stream<DynamicTest> onEveryServer(String what, Check check) {
        return DatabaseSettings.requestedServers().stream().filter(e -> e != Engine.H2).map(engine ->
                DynamicTest.dynamicTest(engine.label() + ": " + what, () -> {
                    Database database = Engines.openOrSkip(engine);
                    Engine server = database.engine().server();
                    try (Connection another = database.connection()) {
                        String name = ScheduleTablesLock.name(another, server);
                        try {
                            check.run(database, another, server, name);
                        } finally {
                            ScheduleTablesLock.unlock(another, server, name); // never back to the pool holding it
                        }
                    }
                }));
    }
}
