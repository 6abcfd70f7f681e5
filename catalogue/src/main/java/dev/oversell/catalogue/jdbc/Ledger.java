package dev.oversell.catalogue.jdbc;

import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;
import dev.oversell.script.Tables;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A ledger: no stock column is ever decremented; the stock is derived as the initial stock plus the supply
 * restocked since, minus the units of every purchase recorded, and a purchase is the insertion of its order row.
 *
 * <p><b>SQL</b>
 * <pre>
 *   read:  SELECT stock + supply - (SELECT COALESCE(SUM(quantity), 0) FROM purchases
 *                                   WHERE product = s.product AND purchased = 1) FROM stock s WHERE product = ?
 *   write: INSERT INTO purchases (request_id, product, quantity, purchased, stock_seen) VALUES (?, ?, ?, 1, -1)
 * </pre>
 *
 * <p><b>Why, by isolation level</b>
 * <ul>
 *   <li>REPEATABLE READ (snapshot isolation): two purchases each count the orders in their own
 *       snapshot, each sees one unit left, each inserts its own order row. They write different rows, so no
 *       write-write conflict is detected: the textbook write skew.
 *   <li>SERIALIZABLE: PostgreSQL's SSI detects the read-write dependency cycle
 *       (40001, retried). MariaDB turns the counting SELECT into a shared-locking read, so the two inserts
 *       deadlock and one is retried.
 * </ul>
 *
 * <p><b>The interleaving that breaks it</b> (REPEATABLE READ, stock 1):
 * <pre>
 *   -- T1
 *   SELECT supply - (...sum of orders...) ...;   -- 1
 *   -- T2
 *   SELECT supply - (...sum of orders...) ...;   -- 1
 *   -- T1
 *   INSERT INTO purchases ... ('b1', 'sku', 1, 1, -1); commit;
 *   -- T2
 *   INSERT INTO purchases ... ('b2', 'sku', 1, 1, -1); commit;  -- two orders for one unit: Oversell
 * </pre>
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-ledger-repeatable-read}): in one instance, may oversell on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-ledger-repeatable-read}
 * <p><b>Claims</b> ({@code db-ledger-serializable}): in one instance, may oversell on H2; never oversells on
 * PostgreSQL, MariaDB and MariaDB with snapshot isolation. With several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-ledger-serializable}
 * <!-- /produced -->
 */
public final class Ledger implements PurchaseScript {

    private final TransactionMode mode;

    public Ledger(TransactionMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!mode.transactional()) {
            throw new IllegalArgumentException("a ledger purchase is a transaction");
        }
    }

    @Override
    public TransactionMode mode() {
        return mode;
    }

    @Override
    public List<Step> body() {
        // the write is the order row that PurchaseSteps records at the end of the last step
        return List.of(new Step("read", this::read), new Step("write", Ledger::decide));
    }

    private void read(Tx tx) throws SQLException {
        Long available = readStock(tx, tx.product());
        if (available == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.remember("seen", available);
    }

    private static void decide(Tx tx) {
        long seen = tx.recall("seen");
        if (seen >= tx.quantity()) {
            tx.purchased();
        } else {
            tx.outOfStock(seen);
        }
    }

    @Override
    public String stockQuery(Tables store) {
        return "SELECT s.stock + s.supply - (SELECT COALESCE(SUM(p.quantity), 0) FROM " + store.purchasesTable()
                + " p WHERE p.product = s.product AND p.purchased = 1) FROM " + store.stockTable() + " s WHERE s.product = ?";
    }

    @Override
    public int restock(Tx tx, String product, long units) throws SQLException {
        return tx.update("UPDATE " + tx.store().stockTable() + " SET supply = supply + ? WHERE product = ? AND stock"
                        + " + supply - (SELECT COALESCE(SUM(quantity), 0) FROM " + tx.store().purchasesTable()
                        + " WHERE product = ? AND purchased = 1) <= ?",
                units, product, product, Long.MAX_VALUE - units);
    }
}
