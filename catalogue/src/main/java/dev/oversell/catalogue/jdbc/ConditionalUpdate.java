package dev.oversell.catalogue.jdbc;

import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;

import java.sql.SQLException;
import java.util.List;

/**
 * The check and the act in one statement: {@code UPDATE ... SET stock = stock - ? WHERE ... AND stock >= ?},
 * judged by its update count, at READ COMMITTED.
 *
 * <p><b>SQL</b>
 * <pre>
 *   write: UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?   -- 1 row: purchased
 *          SELECT stock FROM stock WHERE product = ?                              -- 0 rows: how many were seen
 * </pre>
 *
 * <p><b>Why:</b> an UPDATE locks the row and evaluates its WHERE clause on the latest committed version (a
 * second concurrent UPDATE waits for the first to commit, then re-checks {@code stock >= ?} on the new row:
 * PostgreSQL's EvalPlanQual, InnoDB's locking read, H2's row lock). The decision is made by the engine on the
 * current value, never on a stale read in Java.
 *
 * <p><b>Cost:</b> one round trip and the shortest possible row lock; the floor that the benchmarks compare
 * every other design with.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-conditional-update}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-conditional-update}
 * <!-- /produced -->
 */
public final class ConditionalUpdate implements PurchaseScript {

    @Override
    public TransactionMode mode() {
        return TransactionMode.READ_COMMITTED;
    }

    @Override
    public List<Step> body() {
        return List.of(new Step("write", ConditionalUpdate::decrementIfEnough));
    }

    private static void decrementIfEnough(Tx tx) throws SQLException {
        int changed = tx.update("UPDATE " + tx.store().stockTable() + " SET stock = stock - ? WHERE product = ? AND stock >= ?",
                tx.quantity(), tx.product(), tx.quantity());
        if (changed == 1) {
            tx.purchased();
            return;
        }
        Long seen = tx.queryLong("SELECT stock FROM " + tx.store().stockTable() + " WHERE product = ?", tx.product());
        if (seen == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.outOfStock(seen);
    }
}
