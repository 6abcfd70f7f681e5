package dev.oversell.properties.database;

import dev.oversell.design.Claim;
import dev.oversell.judge.Observation;
import dev.oversell.run.RunFolder;
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

    /** What this cell's schedules and load run saw, as the one record every family reports. */
    List<Observation> observations() {
        String who = engine.label();
        String version = DatabaseSuite.VERSIONS.get(engine);
        String reproduce = DatabaseSuite.reproduce(this);
        List<Observation> observations = new ArrayList<>();
        // the cell's Hermitage-style script (DatabaseMatrix writes it: the most telling schedule of the cell)
        String script = DatabaseSuite.SUITE + "/" + engine.key() + "/" + variant.name() + ".sql";
        if (variant.purchaseScript().isEmpty()) {
            observations.add(new Observation(RunFolder.id(), variant.name(), Observation.Family.DATABASE_SCHEDULES,
                    "interleavings", who, version, Observation.Status.SKIPPED, null, null, null, reproduce, null,
                    "a design built as a service, not a step script: the interleaving gate cannot schedule its"
                            + " statements yet (its load runs and the deployment check apply)"));
        }
        synchronized (schedules) {
            for (ScheduleOutcome s : schedules) {
                observations.add(new Observation(RunFolder.id(), variant.name(), Observation.Family.DATABASE_SCHEDULES,
                        s.plan() + ": " + s.schedule(), who, version, Observation.Status.CHECKED, s.finding(),
                        Observation.Counts.ofAccounts(s.answers().size(), s.existed(), s.unitsSold(), s.finalStock()),
                        s.finding().anomaly() ? s.script() : null, reproduce, script, s.kind().label));
            }
        }
        if (load != null) {
            observations.add(new Observation(RunFolder.id(), variant.name(), Observation.Family.DATABASE_LOAD,
                    "load, seed " + load.seed(), who, version, Observation.Status.CHECKED, load.judged(),
                    Observation.Counts.ofAccounts(load.attempted(), load.initialStock() + load.restocked(),
                            load.unitsSold(), load.finalStock()),
                    load.judged().anomaly() ? String.join("; ", load.brokenInvariants()) : null,
                    reproduce + " -Doversell.loadSeed=" + load.seed(), DatabaseSuite.SUITE + "/summary.md",
                    load.buyers() + " buyers, " + load.attempted() + " purchases, " + load.millis() + " ms"));
        }
        return observations;
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
