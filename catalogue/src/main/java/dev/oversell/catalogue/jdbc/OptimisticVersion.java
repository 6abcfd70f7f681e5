package dev.oversell.catalogue.jdbc;

import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;
import dev.oversell.script.VersionConflict;

import java.sql.SQLException;
import java.util.List;

/**
 * Optimistic concurrency: read the stock and its version, then write only if the version is unchanged; a
 * lost race is retried from the read (bounded, with backoff: see {@code RetryPolicy}), at READ COMMITTED.
 *
 * <p><b>SQL</b>
 * <pre>
 *   read:  SELECT stock, version FROM stock WHERE product = ?
 *   write: UPDATE stock SET stock = ?, version = version + 1 WHERE product = ? AND version = ?
 *          -- 0 rows: someone else won the race; roll back and start again
 * </pre>
 *
 * <p><b>Why:</b> the write succeeds only if no purchase committed between the read and the write (the version
 * check runs on the latest committed row, as in {@link ConditionalUpdate}), so every successful write was
 * computed from the current stock. The loser retries and reads the new stock.
 *
 * <p><b>Where it hurts:</b> under a hot product most attempts lose and retry; when the retries run out the
 * buyer gets an error (nothing applied).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code db-optimistic-version}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=db-optimistic-version}
 * <!-- /produced -->
 */
public final class OptimisticVersion implements PurchaseScript {

    @Override
    public TransactionMode mode() {
        return TransactionMode.READ_COMMITTED;
    }

    @Override
    public List<Step> body() {
        return List.of(new Step("read", OptimisticVersion::read), new Step("write", OptimisticVersion::write));
    }

    private static void read(Tx tx) throws SQLException {
        long[] row = tx.queryRow("SELECT stock, version FROM " + tx.store().stockTable() + " WHERE product = ?",
                tx.product());
        if (row == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.remember("seen", row[0]);
        tx.remember("version", row[1]);
    }

    private static void write(Tx tx) throws SQLException {
        long seen = tx.recall("seen");
        if (seen < tx.quantity()) {
            tx.outOfStock(seen);
            return;
        }
        int changed = tx.update("UPDATE " + tx.store().stockTable()
                        + " SET stock = ?, version = version + 1 WHERE product = ? AND version = ?",
                seen - tx.quantity(), tx.product(), tx.recall("version"));
        if (changed == 0) {
            tx.say("-- the version moved on: retry");
            throw new VersionConflict("the stock of " + tx.product() + " changed since it was read (version "
                    + tx.recall("version") + ")");
        }
        tx.purchased();
    }
}
