package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;
import java.sql.Connection;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a design whose bug needs a restock racing a purchase.</b> The purchase is optimistic locking done
 * right (the version in the WHERE, retried on 0 rows), so purchases never overwrite one another; the restock is
 * an atomic increment that forgets to bump the version. A purchase that read before the restock still matches
 * its version, and writes the stock it computed from its read over the restock.
 * <pre>
 *   purchase: SELECT stock, version ...; UPDATE versioned_stock SET stock = ?, version = version + 1
 *             WHERE product = ? AND version = ?          -- 0 rows: read again (at most 5 tries)
 *   restock:  UPDATE versioned_stock SET stock = stock + ? WHERE product = ?       -- version unchanged
 * </pre>
 * Where it breaks (last unit, a restock of 1): T1 reads (1, v0); the restock makes it (2, v0); T1 writes (0, v1).
 * The restock is lost: 1 sold of 2 that existed, none left. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "versioned purchases, a restock that does not bump the version: only a restock racing a purchase loses it",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.LOST_UPDATE)
public final class VersionedPurchase_BrokenRestockKeepsTheVersion extends PlainJdbcDesign {

    static final int TRIES = 5;

    public VersionedPurchase_BrokenRestockKeepsTheVersion(DataSource dataSource) {
        super(dataSource, "versioned_stock", false); // the bug: the restock leaves the version alone
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            PurchaseResult result = inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                long[] row = readTwo(c, "SELECT stock, version FROM versioned_stock WHERE product = ?",
                        request.product());
                if (row[0] < request.quantity()) {
                    return PurchaseResult.outOfStock(request, row[0]);
                }
                int changed = update(c, "UPDATE versioned_stock SET stock = ?, version = version + 1"
                        + " WHERE product = ? AND version = ?", row[0] - request.quantity(), request.product(), row[1]);
                return changed == 1 ? PurchaseResult.purchased(request) : null;
            });
            if (result != null) {
                return result;
            }
        }
        throw new IllegalStateException(request.requestId() + " lost the race " + TRIES + " times; nothing sold");
    }
}
