package dev.oversell.catalogue.jdbc;

import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;

import java.util.List;
import java.util.Objects;

/**
 * Read-modify-write: read the stock, decide in Java, write the new value back. In autocommit mode (each
 * statement its own transaction) this is the seed post's service; in a transaction its safety is whatever the
 * isolation level and the engine make of it.
 *
 * <p><b>SQL</b>
 * <pre>
 *   read:  SELECT stock FROM stock WHERE product = ?
 *   write: UPDATE stock SET stock = ? WHERE product = ?      -- the value computed in Java: seen - quantity
 * </pre>
 *
 * <p><b>Why, by isolation level</b>
 * <ul>
 *   <li>autocommit and READ COMMITTED: both buyers read 1, both write 0, both
 *       are told "purchased": the second write is a lost update.
 *   <li>REPEATABLE READ: PostgreSQL aborts the second writer of a row changed since its
 *       snapshot (40001, retried: it then sees 0). MariaDB 10.11 with its default
 *       {@code innodb_snapshot_isolation=OFF} lets the UPDATE overwrite the newer row: a lost update; with it ON
 *       (11.6.2's default, the {@code mariadb-snapshot-isolation} column) the UPDATE is refused (1020, retried:
 *       it then sees 0). H2 refuses the UPDATE of a row committed since the transaction began (90131, retried).
 *   <li>SERIALIZABLE: PostgreSQL's SSI refuses one of the two (40001, retried); MariaDB's reads take shared
 *       locks, so the two writes deadlock and one is retried.
 * </ul>
 *
 * <p><b>The interleaving that breaks it</b> (READ COMMITTED, stock 1):
 * <pre>
 *   -- T1
 *   begin; set transaction isolation level read committed;
 *   SELECT stock FROM stock WHERE product = 'sku';   -- 1
 *   -- T2
 *   begin; set transaction isolation level read committed;
 *   SELECT stock FROM stock WHERE product = 'sku';   -- 1
 *   -- T1
 *   UPDATE stock SET stock = 0 WHERE product = 'sku'; commit;
 *   -- T2
 *   UPDATE stock SET stock = 0 WHERE product = 'sku'; commit;   -- both purchased: Oversell
 * </pre>
 * The exact script each engine produced is written by the interleaving checker into the run folder
 * ({@code target/oversell/runs/<run>/database/}), and the report links it from the design's cell.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-read-write-autocommit}): in one instance, may oversell on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-read-write-autocommit}
 * <p><b>Claims</b> ({@code db-read-write-read-committed}): in one instance, may oversell on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-read-write-read-committed}
 * <p><b>Claims</b> ({@code db-read-write-repeatable-read}): in one instance, never oversells on H2, PostgreSQL and
 * MariaDB with snapshot isolation; may oversell on MariaDB. With several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-read-write-repeatable-read}
 * <p><b>Claims</b> ({@code db-read-write-serializable}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-read-write-serializable}
 * <!-- /produced -->
 */
public final class ReadModifyWrite implements PurchaseScript {

    private final TransactionMode mode;

    public ReadModifyWrite(TransactionMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public TransactionMode mode() {
        return mode;
    }

    @Override
    public List<Step> body() {
        return List.of(new Step("read", ReadModifyWrite::read), new Step("write", ReadModifyWrite::write));
    }

    static void read(Tx tx) throws java.sql.SQLException {
        Long seen = tx.queryLong("SELECT stock FROM " + tx.store().stockTable() + " WHERE product = ?", tx.product());
        if (seen == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.remember("seen", seen);
    }

    static void write(Tx tx) throws java.sql.SQLException {
        long seen = tx.recall("seen");
        if (seen >= tx.quantity()) {
            tx.update("UPDATE " + tx.store().stockTable() + " SET stock = ? WHERE product = ?",
                    seen - tx.quantity(), tx.product());
            tx.purchased();
        } else {
            tx.outOfStock(seen);
        }
    }
}
