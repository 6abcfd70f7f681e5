package dev.oversell.properties.deployment;

import dev.oversell.model.jdbc.OwnedReadModifyWrite;
import dev.oversell.properties.database.SchedulePlan;
import dev.oversell.properties.database.ScheduleRunner;
import dev.oversell.store.StoreException;
import dev.oversell.store.Tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ownership hand-over of a single-owner design, as two interleaved purchases of the last unit: T1 is the
 * old owner, which claimed the product before the schedule starts and is still finishing a purchase; T2 is the
 * new owner, which claims the product (its first step) and sells. A T1 that is fenced out is re-routed to the
 * new owner. Every order of their steps is run by the {@link ScheduleRunner}.
 */
final class HandOver {

    private HandOver() {
    }

    static SchedulePlan plan(boolean fenced) {
        Map<String, Long> oldOwner = new ConcurrentHashMap<>();
        Map<String, Long> newOwner = new ConcurrentHashMap<>();
        OwnedReadModifyWrite old = new OwnedReadModifyWrite(fenced, oldOwner);
        OwnedReadModifyWrite next = new OwnedReadModifyWrite(fenced, newOwner);
        return new SchedulePlan(old, next, next, next, store -> {
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
