package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;
import java.sql.Connection;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a version check that reads the version but updates without it in the WHERE.</b> The table has a
 * version column, the code reads it and bumps it, so a review sees "optimistic locking"; but the UPDATE matches
 * the row whatever its version, so the second writer overwrites the first.
 * <pre>
 *   SELECT stock, version FROM stock WHERE product = ?
 *   UPDATE stock SET stock = ?, version = ? WHERE product = ?     -- no "AND version = ?"
 *   COMMIT
 * </pre>
 * Where it breaks (last unit): T1 and T2 read (1, v0); T1 writes (0, v1), commits; T2 writes (0, v1), commits.
 * Oversell: both buyers got the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "reads and bumps a version, but its UPDATE does not check it",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = H2)
public final class VersionRead_BrokenNotInWhere extends PlainJdbcDesign {

    public VersionRead_BrokenNotInWhere(DataSource dataSource) {
        super(dataSource, "versioned_stock", true);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            long[] row = readTwo(c, "SELECT stock, version FROM versioned_stock WHERE product = ?", request.product());
            if (row[0] < request.quantity()) {
                return PurchaseResult.outOfStock(request, row[0]);
            }
            update(c, "UPDATE versioned_stock SET stock = ?, version = ? WHERE product = ?", row[0] - request.quantity(),
                    row[1] + 1, request.product());
            return PurchaseResult.purchased(request);
        });
    }
}
