package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;

import javax.sql.DataSource;
import java.sql.Connection;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a ledger insert that checks a sum at REPEATABLE READ (write skew).</b> Nothing is ever updated: the
 * stock is what was supplied minus the sum of the orders, and a purchase inserts an order if the sum leaves
 * enough. Two buyers each read the same snapshot, each insert a row the other never sees; no row is written by
 * both, so no engine's REPEATABLE READ (snapshot isolation on PostgreSQL) refuses either.
 * <pre>
 *   SELECT s.supplied - COALESCE((SELECT SUM(quantity) FROM ledger_order o WHERE o.product = s.product), 0)
 *     FROM ledger_supply s WHERE s.product = ?
 *   INSERT INTO ledger_order (request_id, product, quantity) VALUES (?, ?, ?)
 *   COMMIT
 * </pre>
 * Where it breaks (last unit): T1 and T2 both read 1; both insert an order; both commit. Oversell: both buyers
 * got the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "INSERT an order after checking SUM(orders) at REPEATABLE READ: write skew",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = H2)
public final class LedgerSum_BrokenWriteSkewAtRepeatableRead extends PlainJdbcDesign {

    static final String LEFT = "SELECT s.supplied - COALESCE((SELECT SUM(o.quantity) FROM ledger_order o"
            + " WHERE o.product = s.product), 0) FROM ledger_supply s WHERE s.product = ?";

    public LedgerSum_BrokenWriteSkewAtRepeatableRead(DataSource dataSource) {
        super(dataSource, "ledger_supply", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            long left = readLong(c, LEFT, request.product());
            if (left < request.quantity()) {
                return PurchaseResult.outOfStock(request, left);
            }
            update(c, "INSERT INTO ledger_order (request_id, product, quantity) VALUES (?, ?, ?)", request.requestId(),
                    request.product(), request.quantity());
            return PurchaseResult.purchased(request);
        });
    }

    @Override
    public long stock(String product) {
        return autocommit(c -> readLong(c, LEFT, product));
    }

    @Override
    public void restock(String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units);
        }
        autocommit(c -> {
            if (update(c, "UPDATE ledger_supply SET supplied = supplied + ? WHERE product = ?", units, product) != 1) {
                throw new UnknownProductException(product);
            }
            return null;
        });
    }
}
