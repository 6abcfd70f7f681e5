package dev.oversell.properties.database.jdbc;

import dev.oversell.design.DataSourceInventoryFactory;
import dev.oversell.model.Inventory;
import dev.oversell.store.Database;

import java.util.List;

/**
 * The design's instances a schedule's calls go to, built once over the scheduling {@link Database} (whose
 * connections, taken on a scheduled call's thread, send their statements only when the gate says so), and what
 * must be true before each schedule beyond fresh tables (an old owner's claim, say).
 */
public interface ScheduledDesign {

    /** The instances (one app server each) over {@code scheduling}; closed by the runner. */
    List<Inventory> open(Database scheduling);

    /** Called after the tables were made afresh, before each schedule, on the real database (not scheduled). */
    default void beforeEachSchedule(Database real) {
    }

    /** One instance of code over a data source. */
    static ScheduledDesign of(DataSourceInventoryFactory factory) {
        return scheduling -> List.of(factory.over(scheduling.dataSource()));
    }
}
