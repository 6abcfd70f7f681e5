package com.example.shop;

import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;

import java.sql.SQLException;
import java.util.List;

/**
 * The shop's checkout in SQL: the check and the act in one statement,
 * {@code UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?}, at READ COMMITTED. Claims: never
 * oversells on any engine, with any number of app instances: the engine re-checks the WHERE clause on the row's
 * latest committed value under the row lock.
 */
public final class GuardedDecrement implements PurchaseScript {

    @Override
    public TransactionMode mode() {
        return TransactionMode.READ_COMMITTED;
    }

    @Override
    public List<Step> body() {
        return List.of(new Step("write", GuardedDecrement::takeIfEnough));
    }

    private static void takeIfEnough(Tx tx) throws SQLException {
        int changed = tx.update("UPDATE " + tx.store().stockTable() + " SET stock = stock - ? WHERE product = ? AND stock >= ?",
                tx.quantity(), tx.product(), tx.quantity());
        if (changed == 1) {
            tx.purchased();
            return;
        }
        Long seen = tx.queryLong("SELECT stock FROM " + tx.store().stockTable() + " WHERE product = ?", tx.product());
        if (seen == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.outOfStock(seen);
    }
}
