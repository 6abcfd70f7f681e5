package dev.oversell.catalogue.jdbc;

import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;

import java.sql.SQLException;
import java.util.List;

/**
 * Pessimistic locking: read the stock with {@code SELECT ... FOR UPDATE}, which takes the row's write lock,
 * then write the new value, at READ COMMITTED.
 *
 * <p><b>SQL</b>
 * <pre>
 *   read:  SELECT stock FROM stock WHERE product = ? FOR UPDATE
 *   write: UPDATE stock SET stock = ? WHERE product = ?
 * </pre>
 *
 * <p><b>Why:</b> the second buyer's locking read waits for the first buyer's commit and then reads the
 * committed stock (0), so the check and the act happen under one lock. In the interleaving checker every
 * schedule where both read "at once" shows T2 blocked on the row until T1 commits, then told out of stock.
 *
 * <p><b>Cost:</b> buyers of one product queue on one row lock for the length of a transaction, round trips
 * included.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-select-for-update}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-select-for-update}
 * <!-- /produced -->
 */
public final class SelectForUpdate implements PurchaseScript {

    @Override
    public TransactionMode mode() {
        return TransactionMode.READ_COMMITTED;
    }

    @Override
    public List<Step> body() {
        return List.of(new Step("read", SelectForUpdate::readLocked), new Step("write", ReadModifyWrite::write));
    }

    private static void readLocked(Tx tx) throws SQLException {
        Long seen = tx.queryLong("SELECT stock FROM " + tx.store().stockTable() + " WHERE product = ? FOR UPDATE",
                tx.product());
        if (seen == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.remember("seen", seen);
    }
}
