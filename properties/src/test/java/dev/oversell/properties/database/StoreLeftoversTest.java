package dev.oversell.properties.database;

import dev.oversell.catalogue.jdbc.ConditionalUpdate;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionalInventory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up clean-up on every reachable engine: another run's start-up clean-up leaves the tables of a run in
 * progress alone, and drops what a killed run left behind longer ago than {@link Store#LEFTOVER_AGE}.
 */
class StoreLeftoversTest {

    @TestFactory
    Stream<DynamicTest> startUpCleanUpLeavesARunInProgressAlone() {
        return DatabaseSettings.requestedServers().stream().flatMap(engine -> Stream.of(
                DynamicTest.dynamicTest(engine.label() + ": a run in progress keeps its tables when another run starts",
                        () -> runInProgressKeepsItsTables(engine)),
                DynamicTest.dynamicTest(engine.label() + ": tables older than the bound are dropped",
                        () -> oldLeftoversAreDropped(engine))));
    }

    private static void oldLeftoversAreDropped(Engine engine) throws SQLException {
        Database ours = Engines.openOrSkip(engine);
        String old = Store.PREFIX + Store.idMadeAt(Instant.now().minus(Store.LEFTOVER_AGE).minus(Duration.ofMinutes(5)))
                + "_stock";
        try (Connection c = ours.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + old + " (product VARCHAR(100) NOT NULL PRIMARY KEY)");
        }
        try (Database anotherRun = DatabaseSettings.open(engine)) {
            assertThat(Store.dropLeftovers(anotherRun)).as("tables dropped").isGreaterThanOrEqualTo(1);
        }
        try (Connection c = ours.connection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM " + old).close())
                    .as("the leftover " + old + " after the clean-up").isInstanceOf(SQLException.class);
        }
    }

    private static void runInProgressKeepsItsTables(Engine engine) {
        Database ours = Engines.openOrSkip(engine);
        try (Store store = Store.create(ours, Map.of("sku", 3L));
             Database anotherRun = DatabaseSettings.open(engine)) {
            Store.dropLeftovers(anotherRun);
            assertThat(TransactionalInventory.over(store, new ConditionalUpdate()).stock("sku"))
                    .as("the stock of a run in progress, after another run's start-up clean-up").isEqualTo(3);
        }
    }

    @AfterAll
    static void closeEngines() {
        Engines.closeAll();
    }
}
