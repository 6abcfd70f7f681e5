package dev.oversell.properties.database;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.design.DatabaseVariant;
import dev.oversell.store.Database;
import dev.oversell.store.Engine;
import dev.oversell.store.Store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One (engine, variant) pair under test: its store, what its schedules and load run showed so far. */
final class VariantOnEngine implements AutoCloseable {

    final Engine engine;
    final DatabaseVariant variant;
    final Claim claim;
    final List<ScheduleOutcome> schedules = Collections.synchronizedList(new ArrayList<>());
    LoadOutcome load;
    private Database database;
    private Store store;
    private final Map<SchedulePlan, ScheduleRunner> runners = new HashMap<>();

    VariantOnEngine(Engine engine, DatabaseVariant variant) {
        this.engine = engine;
        this.variant = variant;
        this.claim = variant.claim(Deployment.SINGLE_INSTANCE, engine);
    }

    Database database() {
        if (database == null) {
            database = Engines.open(engine);
        }
        return database;
    }

    Store store() {
        if (store == null) {
            store = Store.create(database(), Map.of(ScheduleRunner.SKU, 1L));
        }
        return store;
    }

    /** The gate for {@code plan} over this cell's store (one per plan: it keeps a thread per call). */
    synchronized ScheduleRunner runner(SchedulePlan plan) {
        return runners.computeIfAbsent(plan, p -> new ScheduleRunner(store(), p));
    }

    @Override
    public synchronized void close() {
        runners.values().forEach(ScheduleRunner::close);
        runners.clear();
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
