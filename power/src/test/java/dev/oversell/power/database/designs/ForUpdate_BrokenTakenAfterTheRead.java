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
 * <b>Bug: {@code FOR UPDATE} taken after the read.</b> The stock is read first (to answer "out of stock" without
 * locking), then the row is locked, and the decision and the write use the first, plain read: the lock waits for
 * the other buyer's commit, then the code goes on with the stock it read before.
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?                 -- the value the code decides on
 *   SELECT stock FROM stock WHERE product = ? FOR UPDATE      -- its answer is ignored
 *   UPDATE stock SET stock = ? WHERE product = ?              -- the first read minus quantity
 *   COMMIT
 * </pre>
 * Where it breaks (last unit): T1 and T2 read 1; T1 locks, writes 0, commits; T2's lock returns (0, ignored), T2
 * writes 0. Oversell: both buyers got the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "reads, then locks with FOR UPDATE, then decides on the first, stale read",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = POSTGRESQL)
public final class ForUpdate_BrokenTakenAfterTheRead extends PlainJdbcDesign {

    public ForUpdate_BrokenTakenAfterTheRead(DataSource dataSource) {
        super(dataSource, "stock", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            long stock = readLong(c, "SELECT stock FROM stock WHERE product = ?", request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            readLong(c, "SELECT stock FROM stock WHERE product = ? FOR UPDATE", request.product());
            update(c, "UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        });
    }
}
