package dev.oversell.power.database.designs;

import dev.oversell.power.CorrectTwin;
import dev.oversell.power.Family;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;
import java.sql.Connection;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Correct twin: {@code FOR UPDATE} done right.</b> The read that the decision rests on is the locking read of
 * the stock row itself; a second buyer's read waits for the first one's commit and then sees its write.
 * <pre>
 *   SELECT stock FROM stock WHERE product = ? FOR UPDATE
 *   UPDATE stock SET stock = ? WHERE product = ?          -- the locked read minus quantity
 *   COMMIT
 * </pre>
 * Twin of {@link ForUpdate_BrokenTakenAfterTheRead} and {@link ForUpdate_BrokenLocksTheOrderRow}. Must hold on H2,
 * PostgreSQL and MariaDB.
 */
@CorrectTwin(value = "SELECT ... FOR UPDATE of the stock row first, then decide on what it read",
        twinOf = {"jdbc-for-update-after-read", "jdbc-for-update-on-order-row"}, heldOn = {H2, POSTGRESQL, MARIADB})
@RunsByDefault(value = Family.DATABASES, engines = {H2})
public final class ForUpdateBeforeTheRead extends PlainJdbcDesign {

    public ForUpdateBeforeTheRead(DataSource dataSource) {
        super(dataSource, "stock", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            long stock = readLong(c, "SELECT stock FROM stock WHERE product = ? FOR UPDATE", request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            update(c, "UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        });
    }
}
