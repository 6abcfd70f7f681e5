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
 * <b>Bug: read-then-write at READ COMMITTED.</b> One transaction reads the stock, checks it in Java and writes
 * the value it computed. READ COMMITTED lets a second buyer read the same committed stock before the first
 * commits, and an absolute write says nothing about what was read.
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?
 *   UPDATE stock SET stock = ? WHERE product = ?      -- the stock read minus quantity
 *   COMMIT
 * </pre>
 * Where it breaks (last unit): {@code -- T1} reads 1; {@code -- T2} reads 1; T1 writes 0, commits; T2 writes 0,
 * commits. Oversell: both buyers got the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "read-then-write at READ COMMITTED: both buyers read 1 and write 0",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
public final class ReadThenWrite_BrokenAtReadCommitted extends PlainJdbcDesign {

    public ReadThenWrite_BrokenAtReadCommitted(DataSource dataSource) {
        super(dataSource, "stock", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            long stock = readLong(c, "SELECT stock FROM stock WHERE product = ?", request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            update(c, "UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        });
    }
}
