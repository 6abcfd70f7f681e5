package dev.oversell.store.owner;

import dev.oversell.model.UnknownProductException;
import dev.oversell.script.FencedOut;
import dev.oversell.script.PurchaseScript;
import dev.oversell.script.PurchaseSteps;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The purchase a single owner runs: the seed's autocommit read-then-write, safe only because one instance owns
 * the product. Before its first purchase of a product the owner <em>claims</em> it, taking the next fencing
 * token ({@code owner_epoch + 1}, in its own transaction). Fenced, every write carries the token and matches
 * no row once another instance has claimed the product since:
 * <pre>
 *   claim: UPDATE stock SET owner_epoch = owner_epoch + 1 WHERE product = ?; SELECT owner_epoch ...; commit
 *   read:  SELECT stock FROM stock WHERE product = ?
 *   write: UPDATE stock SET stock = ? WHERE product = ? AND owner_epoch = ?   -- 0 rows: fenced out
 * </pre>
 * Unfenced, the write is the seed's plain {@code UPDATE stock SET stock = ? WHERE product = ?}.
 *
 * <p>{@code epochs} is the owner's memory of the tokens it holds; only the owner's actor touches it.
 */
public final class OwnedReadModifyWrite implements PurchaseScript {

    private final boolean fenced;
    private final Map<String, Long> epochs;

    public OwnedReadModifyWrite(boolean fenced, Map<String, Long> epochs) {
        this.fenced = fenced;
        this.epochs = Objects.requireNonNull(epochs, "epochs");
    }

    @Override
    public TransactionMode mode() {
        return TransactionMode.AUTOCOMMIT;
    }

    @Override
    public List<Step> body() {
        return List.of(new Step("read", tx -> {
            claimIfNew(tx, tx.product());
            read(tx);
        }), new Step("write", this::write));
    }

    /** The seed's plain read: the stock as it is now, remembered as {@code seen}. */
    private static void read(Tx tx) throws SQLException {
        Long seen = tx.queryLong("SELECT stock FROM " + tx.store().stockTable() + " WHERE product = ?", tx.product());
        if (seen == null) {
            throw PurchaseSteps.unknownProduct(tx);
        }
        tx.remember("seen", seen);
    }

    private void write(Tx tx) throws SQLException {
        long seen = tx.recall("seen");
        if (seen < tx.quantity()) {
            tx.outOfStock(seen);
            return;
        }
        if (!fenced) {
            tx.update("UPDATE " + tx.store().stockTable() + " SET stock = ? WHERE product = ?",
                    seen - tx.quantity(), tx.product());
        } else if (tx.update("UPDATE " + tx.store().stockTable() + " SET stock = ? WHERE product = ? AND owner_epoch = ?",
                seen - tx.quantity(), tx.product(), epochs.get(tx.product())) == 0) {
            throw fencedOut(tx, tx.product());
        }
        tx.purchased();
    }

    @Override
    public int restock(Tx tx, String product, long units) throws SQLException {
        claimIfNew(tx, product);
        if (!fenced) {
            return PurchaseScript.super.restock(tx, product, units);
        }
        int changed = tx.update("UPDATE " + tx.store().stockTable() + " SET stock = stock + ?, version = version + 1"
                + " WHERE product = ? AND stock <= ? AND owner_epoch = ?", units, product, Long.MAX_VALUE - units,
                epochs.get(product));
        if (changed == 0) {
            Long current = tx.queryLong("SELECT owner_epoch FROM " + tx.store().stockTable() + " WHERE product = ?",
                    product);
            if (current != null && !current.equals(epochs.get(product))) {
                throw fencedOut(tx, product);
            }
        }
        return changed;
    }

    private FencedOut fencedOut(Tx tx, String product) {
        Long stale = epochs.remove(product); // claim afresh if this instance owns the product again
        tx.say("-- fenced out: another instance claimed " + product + " after token " + stale);
        return new FencedOut("fenced out: another instance took " + product + " over after token " + stale);
    }

    /** Takes the next fencing token for {@code product}, unless this owner holds one already. */
    public void claimIfNew(Tx tx, String product) throws SQLException {
        if (epochs.containsKey(product)) {
            return;
        }
        Connection c = tx.connection();
        c.setAutoCommit(false);
        tx.say("begin; -- claim " + product);
        try {
            int claimed = tx.update("UPDATE " + tx.store().stockTable() + " SET owner_epoch = owner_epoch + 1"
                    + " WHERE product = ?", product);
            if (claimed == 0) {
                c.rollback();
                throw new UnknownProductException(product);
            }
            long epoch = tx.queryLong("SELECT owner_epoch FROM " + tx.store().stockTable() + " WHERE product = ?",
                    product);
            c.commit();
            tx.say("commit; -- claimed " + product + " with token " + epoch);
            epochs.put(product, epoch);
        } finally {
            c.setAutoCommit(true);
        }
    }
}
