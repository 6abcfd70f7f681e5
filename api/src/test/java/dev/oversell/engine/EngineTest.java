package dev.oversell.engine;


import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each engine's errors are classified: only what a retry can cure is retried. */
class EngineTest {

    @Test
    void h2RowNotFoundInPrimaryIndexIsNotRetried() {
        // H2 2.3.232 ErrorCode.ROW_NOT_FOUND_IN_PRIMARY_INDEX (thrown by MVPrimaryIndex.getRow): an index that
        // points at a row the table does not have, not a conflict between transactions
        SQLException rowNotFound = new SQLException("Row \"1\" not found in primary index", "90143", 90143);
        assertThat(Engine.H2.classify(rowNotFound)).isEqualTo(Engine.Failure.OTHER);
        assertThat(Engine.H2.classify(rowNotFound).retryable()).isFalse();
    }

    @Test
    void whatARetryCanCureIsRetried() {
        assertThat(Engine.H2.classify(new SQLException("Deadlock detected", "40001", 40001)).retryable()).isTrue();
        assertThat(Engine.H2.classify(new SQLException("Concurrent update", "90131", 90131)).retryable()).isTrue();
        assertThat(Engine.POSTGRESQL.classify(new SQLException("could not serialize", "40001")).retryable()).isTrue();
        assertThat(Engine.MARIADB.classify(new SQLException("Deadlock found", "40001", 1213)).retryable()).isTrue();
    }

    @Test
    void aConnectionTheServerTerminatedIsAConnectionFailure() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(Engine.POSTGRESQL.classify(terminated)).isEqualTo(Engine.Failure.CONNECTION);
    }

    @Test
    void everyColumnIsFoundByItsKey() {
        for (Engine engine : Engine.values()) {
            assertThat(Engine.ofKey(engine.key())).isEqualTo(engine);
        }
        assertThat(Engine.ofKey("MARIADB_SNAPSHOT_ISOLATION")).isEqualTo(Engine.MARIADB_SNAPSHOT_ISOLATION);
        assertThatThrownBy(() -> Engine.ofKey("mysql")).hasMessageContaining("no engine mysql");
    }

    @Test
    void theSnapshotIsolationColumnIsTheMariaDbServerWithTheSettingOnAndTheDefaultColumnPinsItOff() {
        assertThat(Engine.MARIADB_SNAPSHOT_ISOLATION.server()).isEqualTo(Engine.MARIADB);
        assertThat(Engine.MARIADB_SNAPSHOT_ISOLATION.connectionInitSql(5_000))
                .isEqualTo("SET SESSION innodb_lock_wait_timeout = 5, SESSION innodb_snapshot_isolation = ON");
        assertThat(Engine.MARIADB.connectionInitSql(5_000))
                .isEqualTo("SET SESSION innodb_lock_wait_timeout = 5, SESSION innodb_snapshot_isolation = OFF");
        assertThat(Engine.POSTGRESQL.connectionInitSql(5_000)).isEqualTo("SET lock_timeout = 5000");
        assertThat(Engine.MARIADB_SNAPSHOT_ISOLATION.sessionSetup()).containsExactly(
                "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", "SET SESSION innodb_snapshot_isolation = ON");
        assertThat(Engine.MARIADB_SNAPSHOT_ISOLATION.classify(
                new SQLException("Record has changed since last read", "HY000", 1020))).isEqualTo(Engine.Failure.SERIALIZATION);
    }
}
