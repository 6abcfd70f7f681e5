package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a restock that overwrites the stock with a value read earlier (a lost purchase).</b> Purchases are a
 * guarded UPDATE, correct among themselves; the restock, written as a back-office job, reads the stock and writes
 * what it read plus the units delivered. A purchase that commits between the two is undone: its unit is back on
 * the shelf, sold once already. Only a restock racing a purchase reaches it.
 * <pre>
 *   purchase: UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?
 *   restock:  SELECT stock FROM stock WHERE product = ?; UPDATE stock SET stock = ? WHERE product = ?   -- autocommit
 * </pre>
 * Where it breaks (last unit, a restock of 1): the restock reads 1; T1 buys, stock 0; the restock writes 2. Stock
 * 2 after 1 sold of 2 that existed: a lost update, which is what the two-call schedule shows. The unit put back is
 * sold again only if a later buyer takes it: the load run sees that as oversold in some runs and not in others, so
 * either word names this bug. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "the restock writes the stock it read earlier plus the units: a purchase in between is undone",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = {Finding.LOST_UPDATE, Finding.OVERSOLD})
@RunsByDefault(value = Family.DATABASES, engines = MARIADB)
public final class Restock_BrokenOverwritesWithAnEarlierRead extends PlainJdbcDesign {

    public Restock_BrokenOverwritesWithAnEarlierRead(DataSource dataSource) {
        super(dataSource, "stock", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return autocommit(c -> {
            if (update(c, "UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?", request.quantity(),
                    request.product(), request.quantity()) == 1) {
                return PurchaseResult.purchased(request);
            }
            return PurchaseResult.outOfStock(request, readLong(c, "SELECT stock FROM stock WHERE product = ?",
                    request.product()));
        });
    }

    @Override
    public void restock(String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units);
        }
        autocommit(c -> {
            long stock = readLong(c, "SELECT stock FROM stock WHERE product = ?", product);
            return update(c, "UPDATE stock SET stock = ? WHERE product = ?", stock + units, product);
        });
    }
}
