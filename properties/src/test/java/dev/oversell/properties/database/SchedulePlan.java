package dev.oversell.properties.database;

import dev.oversell.store.PurchaseScript;
import dev.oversell.store.Store;

import java.util.function.Consumer;

/**
 * What the {@link ScheduleRunner} interleaves: T1's purchase and T2's (usually the same design twice; at an
 * ownership hand-over, the old owner's and the new owner's), what each does when the engine aborts it (retry,
 * or be re-routed to the new owner), and any set-up after the store is reset (the old owner's claim).
 */
public record SchedulePlan(PurchaseScript first, PurchaseScript second, PurchaseScript retryFirst,
                    PurchaseScript retrySecond, Consumer<Store> setUp) {

    public static SchedulePlan symmetric(PurchaseScript script) {
        return new SchedulePlan(script, script, script, script, store -> { });
    }

    PurchaseScript retryOf(int party) {
        return party == 0 ? retryFirst : retrySecond;
    }
}
