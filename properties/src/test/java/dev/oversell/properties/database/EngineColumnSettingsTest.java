package dev.oversell.properties.database;

import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every engine column's sessions carry the settings its claims were written for, whatever the server is
 * configured with: the default isolation level, and on MariaDB {@code innodb_snapshot_isolation} OFF or ON. Asked
 * of the engine itself on a pooled connection, also after code changed the isolation of that connection and gave
 * it back (as Spring and Hibernate do), and recorded in what the run reports as the engine's version.
 */
class EngineColumnSettingsTest {

    @TestFactory
    Stream<DynamicTest> everyColumnsSessionsCarryItsPinnedSettings() {
        return DatabaseSettings.requestedEngines().stream().map(engine -> DynamicTest.dynamicTest(
                engine.label() + ": sessions carry the column's settings", () -> pinned(engine)));
    }

    /**
     * MariaDB's two columns keep their tables in two databases of one server (the snapshot column's is the other's
     * name with {@code _snapshot_isolation}), so that the suites can run them at once without emptying each other's
     * tables ({@link ServerLanes}).
     */
    @TestFactory
    Stream<DynamicTest> mariaDbsTwoColumnsKeepTheirTablesInTwoDatabasesOfOneServer() {
        if (!DatabaseSettings.requestedEngines().containsAll(List.of(Engine.MARIADB, Engine.MARIADB_SNAPSHOT_ISOLATION))) {
            return Stream.empty();
        }
        return Stream.of(DynamicTest.dynamicTest("MariaDB: the snapshot-isolation column in a database of its own", () -> {
            String plain = currentDatabase(Engines.openOrSkip(Engine.MARIADB));
            String snapshot = currentDatabase(Engines.openOrSkip(Engine.MARIADB_SNAPSHOT_ISOLATION));
            assertThat(snapshot).isEqualTo(plain + "_snapshot_isolation");
            assertThat(ServerLanes.whereTablesAre(Engine.MARIADB))
                    .isNotEqualTo(ServerLanes.whereTablesAre(Engine.MARIADB_SNAPSHOT_ISOLATION));
        }));
    }

    private static String currentDatabase(Database database) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void pinned(Engine engine) throws SQLException {
        Database database = Engines.openOrSkip(engine);
        try (Connection c = database.connection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE); // handed back changed: the pool resets it
        }
        for (int i = 0; i < 3; i++) {
            try (Connection c = database.connection()) {
                assertThat(Engine.isolationName(c.getTransactionIsolation()))
                        .as("%s: the default isolation of a pooled session", engine.label())
                        .isEqualTo(Engine.isolationName(engine.defaultIsolation()));
                if (engine.server() == Engine.MARIADB) {
                    String expected = engine == Engine.MARIADB_SNAPSHOT_ISOLATION ? "1" : "0";
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_snapshot_isolation, @@SESSION.tx_isolation")) {
                        rs.next();
                        assertThat(rs.getString(1)).as("%s: innodb_snapshot_isolation of the session", engine.label())
                                .isEqualTo(expected);
                        assertThat(rs.getString(2)).as("%s: the session's isolation, asked of the server", engine.label())
                                .isEqualTo("REPEATABLE-READ");
                    }
                }
            }
        }
        String recorded = database.versionAndSettings();
        assertThat(recorded).contains("default isolation " + Engine.isolationName(engine.defaultIsolation()));
        if (engine.server() == Engine.MARIADB) {
            assertThat(recorded).contains("innodb_snapshot_isolation "
                    + (engine == Engine.MARIADB_SNAPSHOT_ISOLATION ? "ON" : "OFF") + " (server default");
        }
    }
}
