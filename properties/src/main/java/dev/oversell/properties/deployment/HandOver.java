package dev.oversell.properties.deployment;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.properties.database.jdbc.PlannedCall;
import dev.oversell.properties.database.jdbc.ScheduledDesign;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.store.Database;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import dev.oversell.store.TransactionalInventory;
import dev.oversell.script.Tx;
import dev.oversell.store.owner.OwnedReadModifyWrite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ownership hand-over of a single-owner design, as two interleaved purchases through the statement gate:
 * instance 1 is the old owner, which claimed the product before the schedule starts and is still finishing a
 * purchase (T1); instance 2 is the new owner, whose purchase (T2) first claims the product, then sells. A T1
 * that is fenced out is sent again to the new owner, as the router would. Two plans, every distinct order of
 * their statements:
 * <ul>
 *   <li>{@link #lastUnit}: two buyers (request ids T1, T2) and one unit: may the hand-over oversell?</li>
 *   <li>{@link #sameRequest}: one buyer's request (id r1) sent to the old owner and, resent, to the new owner,
 *       with two units in stock: may the hand-over apply one request twice?</li>
 * </ul>
 */
final class HandOver implements ScheduledDesign {

    private final String storeId;
    private final Map<String, Long> oldOwner = new ConcurrentHashMap<>();
    private final Map<String, Long> newOwner = new ConcurrentHashMap<>();
    private final OwnedReadModifyWrite old;
    private final OwnedReadModifyWrite next;

    HandOver(boolean fenced, String storeId) {
        this.storeId = storeId;
        this.old = new OwnedReadModifyWrite(fenced, oldOwner);
        this.next = new OwnedReadModifyWrite(fenced, newOwner);
    }

    /** The old owner's script (both owners read the stock alike). */
    OwnedReadModifyWrite script() {
        return old;
    }

    static StatementPlan lastUnit() {
        return new StatementPlan("hand-over, last unit", 1, List.of(
                new PlannedCall.Buy(0, PurchaseRequest.of("T1", StatementPlan.PRODUCT, 1), 1),
                new PlannedCall.Buy(1, PurchaseRequest.of("T2", StatementPlan.PRODUCT, 1), -1)));
    }

    static StatementPlan sameRequest() {
        PurchaseRequest resent = PurchaseRequest.of("r1", StatementPlan.PRODUCT, 1);
        return new StatementPlan("hand-over, one request resent", 2, List.of(
                new PlannedCall.Buy(0, resent, 1), new PlannedCall.Buy(1, resent, -1)));
    }

    @Override
    public List<Inventory> open(Database scheduling) {
        Store store = Store.existing(scheduling, storeId);
        return List.of(TransactionalInventory.over(store, old), TransactionalInventory.over(store, next));
    }

    /** Each schedule starts with the old owner holding the product and the new one knowing nothing yet. */
    @Override
    public void beforeEachSchedule(Database real) {
        oldOwner.clear();
        newOwner.clear();
        Store store = Store.existing(real, storeId);
        try (Connection c = real.connection()) {
            old.claimIfNew(Tx.forQueries(c, store), StatementPlan.PRODUCT);
        } catch (SQLException e) {
            throw new StoreException("the old owner could not claim the product: " + e.getMessage(), e);
        }
    }
}
