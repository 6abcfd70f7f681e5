package dev.oversell.properties.database;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.Designs;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.Migrations;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.DatabaseDesigns;
import dev.oversell.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The designs whose tables are a Flyway migration ({@code db/<name>/V1__stock.sql}): on every reachable engine,
 * Flyway itself applies the migration, as an application does at start-up, and the design built over the
 * engine's pool sells the last unit, refuses the next buyer, refuses an unknown product, and once closed
 * answers nothing while the pool it was given stays open. (The checkers create the same tables from the
 * migration's statements, {@link Migrations#schema}.)
 */
class FlywayMigrationsTest {

    @TestFactory
    Stream<DynamicTest> eachMigrationRunsUnderFlywayAndTheDesignSellsWhatItHolds() {
        return DatabaseSettings.requestedServers().stream().flatMap(engine -> Designs.overStores().stream()
                .filter(v -> v.ownTables() && Migrations.class.getClassLoader()
                        .getResource("db/" + v.name() + "/V1__stock.sql") != null)
                .map(design -> DynamicTest.dynamicTest(engine.label() + ", " + design.name()
                        + ": Flyway creates its tables; one buyer gets the last unit, the next is told out of stock",
                        () -> migratedAndAlone(Engines.openOrSkip(engine), design))));
    }

    private static void migratedAndAlone(Database database, DatabaseDesign design) throws Exception {
        JdbcSchema schema = design.tables().orElseThrow();
        drop(database, schema);
        try {
            Migrations.migrate(database.dataSource(), design.name());
            try (Connection c = database.connection(); PreparedStatement stock = c.prepareStatement(schema.stockProduct())) {
                stock.setString(1, "sku-1");
                stock.setLong(2, 1);
                stock.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            Inventory inventory = DatabaseDesigns.attach(design, dev.oversell.store.Store.existing(database, "own"));
            try {
                assertThat(inventory.stock("sku-1")).isEqualTo(1);
                assertThat(inventory.buy(PurchaseRequest.of("r1", "sku-1", 1)))
                        .isEqualTo(new PurchaseResult.Purchased("r1", "sku-1", 1));
                assertThat(inventory.buy(PurchaseRequest.of("r2", "sku-1", 1)))
                        .isEqualTo(new PurchaseResult.OutOfStock("r2", "sku-1", 1, 0));
                assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r3", "sku-404", 1)))
                        .isInstanceOf(UnknownProductException.class);
            } finally {
                inventory.close();
            }
            assertThatThrownBy(() -> inventory.stock("sku-1")).as("a closed design answers nothing")
                    .isInstanceOf(IllegalStateException.class);
            try (Connection c = database.connection()) {
                assertThat(c.isValid(5)).as("the data source outlives the design built over it").isTrue();
            }
        } finally {
            drop(database, schema);
        }
    }

    private static void drop(Database database, JdbcSchema schema) throws Exception {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String ddl : schema.drop()) {
                s.execute(ddl);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @AfterAll
    static void closeEngines() {
        Engines.closeAll();
    }
}
