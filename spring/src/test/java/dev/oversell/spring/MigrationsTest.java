package dev.oversell.spring;

import dev.oversell.design.JdbcSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tables a checker creates from a design's migrations are the ones Flyway creates from them: every versioned
 * migration of the folder, in Flyway's version order, each statement once; a folder with none, or a statement
 * without its {@code ;}, is refused by name.
 */
class MigrationsTest {

    @Test
    void everyVersionedMigrationIsReadInFlywaysOrder() {
        assertThat(Migrations.statementsAt("db/ordered")).containsExactly(
                "CREATE TABLE ordered_stock (product VARCHAR(100) NOT NULL PRIMARY KEY, stock BIGINT NOT NULL)",
                "ALTER TABLE ordered_stock ADD COLUMN price BIGINT",
                "ALTER TABLE ordered_stock ADD COLUMN version BIGINT DEFAULT 0 NOT NULL",
                "CREATE TABLE ordered_orders (id VARCHAR(100) NOT NULL PRIMARY KEY)",
                "CREATE INDEX ordered_orders_id ON ordered_orders (id)");
    }

    @Test
    void theCheckersTablesAreTheOnesFlywayCreates() throws Exception {
        DataSource byFlyway = FreshH2.open();
        Flyway.configure().dataSource(byFlyway).locations("classpath:db/ordered").load().migrate();
        DataSource byChecker = FreshH2.open();
        FreshH2.run(byChecker, Migrations.schemaAt("db/ordered", "ordered_stock").create());

        assertThat(FreshH2.columns(byChecker)).isNotEmpty().isEqualTo(FreshH2.columns(byFlyway));
    }

    @Test
    void aSchemaStocksReadsEmptiesAndDropsItsTable() throws Exception {
        DataSource dataSource = FreshH2.open();
        JdbcSchema schema = Migrations.schemaAt("db/ordered", "ordered_stock");
        FreshH2.run(dataSource, schema.create());
        try (Connection c = dataSource.getConnection(); PreparedStatement stock = c.prepareStatement(schema.stockProduct())) {
            stock.setString(1, "sku-1");
            stock.setLong(2, 7);
            stock.executeUpdate();
        }
        assertThat(FreshH2.queryLong(dataSource, schema.readStock().replace("?", "'sku-1'"))).isEqualTo(7);
        FreshH2.run(dataSource, schema.empty());
        assertThat(FreshH2.queryLong(dataSource, "SELECT COUNT(*) FROM ordered_stock")).isZero();
        FreshH2.run(dataSource, schema.drop());
        assertThat(FreshH2.queryLong(dataSource,
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ORDERED_STOCK'")).isZero();
    }

    @Test
    void aDesignsFolderIsMigratedWithAHistoryOfItsOwnWhichItsSchemaDrops() throws Exception {
        DataSource dataSource = FreshH2.open();
        Migrations.migrate(dataSource, "shop-design");
        assertThat(FreshH2.queryLong(dataSource, "SELECT COUNT(*) FROM \"flyway_shop_design\" WHERE \"version\" = '1' AND \"success\""))
                .as("V1 applied, recorded in the design's own history").isEqualTo(1);

        JdbcSchema schema = Migrations.schema("shop-design", "shop_design_stock");
        assertThat(schema.create()).containsExactly("CREATE TABLE shop_design_stock (product VARCHAR(100) NOT NULL"
                + " PRIMARY KEY, stock BIGINT NOT NULL, version BIGINT DEFAULT 0 NOT NULL)");
        assertThat(schema.drop()).containsExactly("DROP TABLE IF EXISTS shop_design_stock",
                "DROP TABLE IF EXISTS flyway_shop_design");
        assertThat(Migrations.statements("shop-design")).isEqualTo(schema.create());
    }

    @Test
    void migrationsInAJarAreReadToo(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // the folders' own entries, as Maven's jar plugin writes them
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/jarred/"));
            write(out, "db/jarred/V2__more.sql", "ALTER TABLE jarred ADD COLUMN version BIGINT;\n");
            write(out, "db/jarred/V1__stock.sql", "CREATE TABLE jarred (product VARCHAR(100), stock BIGINT);\n");
            write(out, "db/jarred/nested/V3__not_here.sql", "DROP TABLE jarred;\n");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(Migrations.statementsAt(loader, "db/jarred")).containsExactly(
                    "CREATE TABLE jarred (product VARCHAR(100), stock BIGINT)",
                    "ALTER TABLE jarred ADD COLUMN version BIGINT");
        }
    }

    @Test
    void aFolderWithoutMigrationsIsRefusedByName() {
        assertThatThrownBy(() -> Migrations.schemaAt("db/nowhere", "stock"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db/nowhere");
    }

    @Test
    void aStatementWithoutItsSemicolonIsRefusedByName() {
        assertThatThrownBy(() -> Migrations.statementsAt("db/unterminated"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("db/unterminated/V1__stock.sql").hasMessageContaining("no ';'");
    }

    private static void write(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
