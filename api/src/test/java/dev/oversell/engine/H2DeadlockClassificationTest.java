package dev.oversell.engine;


import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * H2 refuses a deadlock's victim and a write-write conflict with the same code (40001, {@code DEADLOCK_1}); the
 * gate counts the first as "the engine broke a deadlock" and must not count the second. Both refusals are
 * provoked on a real H2 here, and each is told by what H2 attaches to it, whichever thread H2 picked as the victim.
 */
class H2DeadlockClassificationTest {

    @Test
    void aCycleOfRowLocksIsADeadlockWhicheverTransactionH2Refuses() throws Exception {
        onThreeSessions("deadlock-classification", "('a', 1), ('b', 1)", (setup, t1, t2) -> {
            t1.setAutoCommit(false);
            t2.setAutoCommit(false);
            update(t1, "a");
            update(t2, "b");
            long t1Session = Engine.H2.sessionId(t1);
            CompletableFuture<SQLException> first = CompletableFuture.supplyAsync(() -> refusal(t1, "b"));
            awaitBlocked(setup, t1Session);
            SQLException second = refusal(t2, "a");
            SQLException firstRefusal = first.get(10, TimeUnit.SECONDS);
            SQLException victim = second != null ? second : firstRefusal;
            assertThat(second == null ^ firstRefusal == null).as("exactly one of the two is refused").isTrue();
            assertThat(victim.getSQLState()).isEqualTo("40001");
            assertThat(Engine.H2.classify(victim)).isEqualTo(Engine.Failure.DEADLOCK);
        });
    }

    @Test
    void aRowChangedSinceTheSnapshotIsAConflictNotADeadlock() throws Exception {
        onThreeSessions("conflict-classification", "('a', 1)", (setup, reader, writer) -> {
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            reader.setAutoCommit(false);
            try (ResultSet rs = reader.createStatement().executeQuery("SELECT units FROM stock WHERE id = 'a'")) {
                rs.next();
            }
            update(writer, "a"); // autocommit: committed after the reader's snapshot
            assertThatThrownBy(() -> update(reader, "a"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("40001");
                        assertThat(Engine.H2.classify(e)).isEqualTo(Engine.Failure.SERIALIZATION);
                    });
        });
    }

    private interface Sessions {
        void run(Connection setup, Connection first, Connection second) throws Exception;
    }

    /** Three sessions on a fresh in-memory H2 whose table {@code stock} holds {@code rows}. */
    private static void onThreeSessions(String name, String rows, Sessions sessions) throws Exception {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        try (Connection setup = DriverManager.getConnection(url);
             Connection first = DriverManager.getConnection(url);
             Connection second = DriverManager.getConnection(url)) {
            setup.createStatement().execute("CREATE TABLE stock(id VARCHAR PRIMARY KEY, units INT); INSERT INTO stock"
                    + " VALUES " + rows);
            sessions.run(setup, first, second);
        }
    }

    private static void update(Connection connection, String id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE stock SET units = units - 1 WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static SQLException refusal(Connection connection, String id) {
        try {
            update(connection, id);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** Until H2 names a blocker for {@code session}: its statement waits for a row lock. Bounded, no fixed sleep. */
    private static void awaitBlocked(Connection monitor, long session) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Statement s = monitor.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT BLOCKER_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + session)) {
                    if (rs.next() && rs.getInt(1) != 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("T1's UPDATE of b was never seen waiting for T2's lock within 10 s");
    }
}
