package dev.oversell.properties.deployment;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.jdbc.OwnedReadModifyWrite;
import dev.oversell.properties.database.SchedulePlan;
import dev.oversell.properties.database.ScheduleRunner;
import dev.oversell.properties.database.ScheduledCall;
import dev.oversell.store.StoreException;
import dev.oversell.store.Tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ownership hand-over of a single-owner design, as two interleaved purchases: T1 is the old owner, which
 * claimed the product before the schedule starts and is still finishing a purchase; T2 is the new owner, which
 * claims the product (its first step) and sells. A T1 that is fenced out is re-routed to the new owner. Two
 * plans, every order of their steps run by the {@link ScheduleRunner}:
 * <ul>
 *   <li>{@link #lastUnit}: two buyers (request ids T1, T2) and one unit: may the hand-over oversell?</li>
 *   <li>{@link #sameRequest}: one buyer's request (id r1) sent to the old owner and, resent, to the new owner,
 *       with two units in stock: may the hand-over apply one request twice?</li>
 * </ul>
 */
final class HandOver {

    private HandOver() {
    }

    static SchedulePlan lastUnit(boolean fenced) {
        return plan("hand-over, last unit", fenced, PurchaseRequest.of("T1", ScheduleRunner.SKU, 1),
                PurchaseRequest.of("T2", ScheduleRunner.SKU, 1), 1);
    }

    static SchedulePlan sameRequest(boolean fenced) {
        PurchaseRequest resent = PurchaseRequest.of("r1", ScheduleRunner.SKU, 1);
        return plan("hand-over, one request resent", fenced, resent, resent, 2);
    }

    private static SchedulePlan plan(String name, boolean fenced, PurchaseRequest toOld, PurchaseRequest toNew,
                                     long stock) {
        Map<String, Long> oldOwner = new ConcurrentHashMap<>();
        Map<String, Long> newOwner = new ConcurrentHashMap<>();
        OwnedReadModifyWrite old = new OwnedReadModifyWrite(fenced, oldOwner);
        OwnedReadModifyWrite next = new OwnedReadModifyWrite(fenced, newOwner);
        return new SchedulePlan(name, List.of(new ScheduledCall.Purchase(toOld, old, next),
                new ScheduledCall.Purchase(toNew, next, next)), Map.of(ScheduleRunner.SKU, stock), store -> {
            oldOwner.clear();
            newOwner.clear();
            try (Connection c = store.database().connection()) {
                old.claimIfNew(Tx.forQueries(c, store), ScheduleRunner.SKU);
            } catch (SQLException e) {
                throw new StoreException("the old owner could not claim the product: " + e.getMessage(), e);
            }
        });
    }
}
