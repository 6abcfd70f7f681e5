package dev.oversell.power.database.designs;

import dev.oversell.power.CorrectTwin;
import dev.oversell.power.Family;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Correct twin: the guarded UPDATE.</b> One statement checks and takes the units; the engine's row lock makes
 * a second buyer's UPDATE wait, then re-evaluate the guard on the committed row, on every engine and level.
 * <pre>
 *   UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?    -- autocommit; 0 rows: out of stock
 * </pre>
 * Must hold on H2, PostgreSQL and MariaDB.
 */
@CorrectTwin(value = "one UPDATE checks and takes the units; the row lock makes the second buyer re-evaluate the guard",
        twinOf = {"spring-guard-stock-at-least-zero", "jdbc-read-then-write-read-committed"}, heldOn = {H2, POSTGRESQL, MARIADB})
@RunsByDefault(value = Family.DATABASES, engines = {H2, POSTGRESQL, MARIADB})
public final class GuardedUpdate extends PlainJdbcDesign {

    public GuardedUpdate(DataSource dataSource) {
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
}
