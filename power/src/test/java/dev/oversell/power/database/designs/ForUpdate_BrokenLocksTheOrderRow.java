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
 * <b>Bug: {@code SELECT ... FOR UPDATE} on the wrong row.</b> The purchase records its order first and locks
 * that order row, "so that nobody touches the order while we work on it", then reads and writes the stock.
 * Each buyer locks its own order row: nothing stops two buyers reading the same stock.
 * <pre>
 *   INSERT INTO stock_order (request_id, product, quantity) VALUES (?, ?, ?)
 *   SELECT request_id FROM stock_order WHERE request_id = ? FOR UPDATE   -- the order row, not the stock row
 *   SELECT stock FROM stock WHERE product = ?
 *   UPDATE stock SET stock = ? WHERE product = ?
 *   COMMIT                                     -- ROLLBACK when too few: no order
 * </pre>
 * Where it breaks (last unit): T1 and T2 each lock their own order; both read 1; both write 0. Oversell: both
 * buyers got the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "SELECT ... FOR UPDATE locks the buyer's own order row, not the stock row",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.LOST_UPDATE)
public final class ForUpdate_BrokenLocksTheOrderRow extends PlainJdbcDesign {

    public ForUpdate_BrokenLocksTheOrderRow(DataSource dataSource) {
        super(dataSource, "stock", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            update(c, "INSERT INTO stock_order (request_id, product, quantity) VALUES (?, ?, ?)", request.requestId(),
                    request.product(), request.quantity());
            single(c, "SELECT COUNT(*) FROM stock_order WHERE request_id = ? FOR UPDATE", request.requestId());
            long stock = readLong(c, "SELECT stock FROM stock WHERE product = ?", request.product());
            if (stock < request.quantity()) {
                c.rollback();
                return PurchaseResult.outOfStock(request, stock);
            }
            update(c, "UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        });
    }
}
