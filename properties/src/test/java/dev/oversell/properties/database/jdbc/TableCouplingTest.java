package dev.oversell.properties.database.jdbc;

import dev.oversell.properties.database.Engines;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import org.h2.api.Trigger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How tables reach one another, as each engine reports it: a foreign key or a shared sequence joins two tables
 * into one group, a trigger makes its table reach anything, a view or an unknown name has no group; tables that
 * share nothing are in different groups.
 */
class TableCouplingTest {

    /** An H2 trigger that does nothing (H2 triggers are Java classes). */
    public static final class Nothing implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        }
    }

    @TestFactory
    Stream<DynamicTest> eachEngineSaysHowItsTablesReachOneAnother() {
        return DatabaseSettings.requestedEngines().stream().map(engine -> DynamicTest.dynamicTest(engine.label(),
                () -> coupling(engine)));
    }

    private static void coupling(Engine engine) throws SQLException {
        Database database = Engines.openOrSkip(engine);
        List<String> drop = List.of("DROP VIEW IF EXISTS ovs_cpl_view", "DROP TABLE IF EXISTS ovs_cpl_child",
                "DROP TABLE IF EXISTS ovs_cpl_parent", "DROP TABLE IF EXISTS ovs_cpl_audited",
                "DROP TABLE IF EXISTS ovs_cpl_orders", "DROP TABLE IF EXISTS ovs_cpl_invoices",
                "DROP TABLE IF EXISTS ovs_cpl_checked", "DROP TABLE IF EXISTS ovs_cpl_stock",
                "DROP TABLE IF EXISTS ovs_cpl_purchases", "DROP SEQUENCE IF EXISTS ovs_cpl_seq");
        boolean mariadb = engine == Engine.MARIADB || engine == Engine.MARIADB_SNAPSHOT_ISOLATION;
        String nextval = switch (engine) {
            case POSTGRESQL -> "nextval('ovs_cpl_seq')";
            case H2 -> "NEXT VALUE FOR ovs_cpl_seq";
            default -> "NEXTVAL(ovs_cpl_seq)";
        };
        List<String> create = new ArrayList<>(List.of(
                "CREATE TABLE ovs_cpl_stock (product VARCHAR(20) PRIMARY KEY, stock INT NOT NULL CHECK (stock >= 0))",
                "CREATE TABLE ovs_cpl_purchases (request_id VARCHAR(20) PRIMARY KEY, product VARCHAR(20))",
                "CREATE TABLE ovs_cpl_parent (id INT PRIMARY KEY)",
                "CREATE TABLE ovs_cpl_child (id INT PRIMARY KEY, parent INT REFERENCES ovs_cpl_parent (id))",
                "CREATE TABLE ovs_cpl_audited (id INT PRIMARY KEY, note VARCHAR(20))",
                "CREATE SEQUENCE ovs_cpl_seq",
                "CREATE TABLE ovs_cpl_orders (id BIGINT DEFAULT " + nextval + " PRIMARY KEY)",
                "CREATE TABLE ovs_cpl_invoices (id BIGINT DEFAULT " + nextval + " PRIMARY KEY)",
                // MariaDB refuses a stored function in a CHECK: its check is plain arithmetic
                "CREATE TABLE ovs_cpl_checked (id INT PRIMARY KEY, n INT CHECK ("
                        + (mariadb ? "n >= 0" : "ovs_cpl_ok(n) = 1") + "))",
                "CREATE VIEW ovs_cpl_view AS SELECT product FROM ovs_cpl_stock"));
        switch (engine) {
            case POSTGRESQL -> {
                create.add(0, "CREATE OR REPLACE FUNCTION ovs_cpl_note() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN NEW.note := 'seen'; RETURN NEW; END $$");
                create.add(0, "CREATE OR REPLACE FUNCTION ovs_cpl_ok(n INT) RETURNS INT LANGUAGE sql IMMUTABLE AS"
                        + " $$ SELECT 1 $$");
                create.add("CREATE TRIGGER ovs_cpl_trigger BEFORE INSERT ON ovs_cpl_audited FOR EACH ROW"
                        + " EXECUTE FUNCTION ovs_cpl_note()");
            }
            case H2 -> {
                create.add(0, "CREATE ALIAS IF NOT EXISTS ovs_cpl_ok FOR 'java.lang.Math.abs(int)'");
                create.add("CREATE TRIGGER ovs_cpl_trigger BEFORE INSERT ON ovs_cpl_audited FOR EACH ROW CALL '"
                        + Nothing.class.getName() + "'");
            }
            default -> {
                create.add("CREATE TRIGGER ovs_cpl_trigger BEFORE INSERT ON ovs_cpl_audited FOR EACH ROW"
                        + " SET NEW.note = 'seen'");
            }
        }
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            run(s, drop);
            run(s, create);
            TableCoupling coupling = TableCoupling.read(c, engine);
            assertThat(coupling).as("the engine answered").isNotSameAs(TableCoupling.NONE);
            Set<String> stock = coupling.groups(Set.of("ovs_cpl_stock"));
            Set<String> purchases = coupling.groups(Set.of("ovs_cpl_purchases"));
            assertThat(stock).as("%s", coupling).isNotNull().doesNotContainAnyElementsOf(purchases);
            assertThat(coupling.groups(Set.of("ovs_cpl_child"))).as("a foreign key")
                    .isEqualTo(coupling.groups(Set.of("ovs_cpl_parent")));
            assertThat(coupling.groups(Set.of("ovs_cpl_orders"))).as("a shared sequence").isNotNull()
                    .isEqualTo(coupling.groups(Set.of("ovs_cpl_invoices")));
            assertThat(coupling.groups(Set.of("ovs_cpl_orders"))).doesNotContainAnyElementsOf(stock);
            assertThat(coupling.groups(Set.of("ovs_cpl_audited"))).as("a trigger").isNull();
            if (mariadb) {
                assertThat(coupling.groups(Set.of("ovs_cpl_checked"))).as("a check of its own row").isNotNull();
            } else {
                assertThat(coupling.groups(Set.of("ovs_cpl_checked"))).as("a check that calls a function").isNull();
            }
            assertThat(coupling.groups(Set.of("ovs_cpl_view"))).as("a view").isNull();
            assertThat(coupling.groups(Set.of("ovs_cpl_stock", "ovs_cpl_nowhere"))).as("an unknown name").isNull();
            assertThat(coupling.mentioned("WITH ovs_cpl_stock AS (SELECT * FROM \"OVS_CPL_STOCK\") INSERT INTO"
                    + " ovs_cpl_purchases SELECT 'ovs_cpl_parent', product FROM ovs_cpl_stock"))
                    .as("every table or view named as a word, whatever the parser made of it; not in a literal")
                    .containsExactlyInAnyOrder("ovs_cpl_stock", "ovs_cpl_purchases");
            assertThat(coupling.mentioned("SELECT * FROM ovs_cpl_view")).containsExactly("ovs_cpl_view");
        } finally {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                run(s, drop);
                if (engine == Engine.H2) {
                    s.execute("DROP ALIAS IF EXISTS ovs_cpl_ok");
                }
                if (engine == Engine.POSTGRESQL) {
                    s.execute("DROP FUNCTION IF EXISTS ovs_cpl_ok");
                    s.execute("DROP FUNCTION IF EXISTS ovs_cpl_note");
                }
            }
        }
    }

    private static void run(Statement s, List<String> sql) throws SQLException {
        for (String each : sql) {
            s.execute(each);
        }
    }
}
