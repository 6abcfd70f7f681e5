package dev.oversell.properties.database;

import dev.oversell.design.Claim;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Observation;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.properties.database.jdbc.PlanRun;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.properties.database.jdbc.StatementScheduleRunner;
import dev.oversell.run.RunFolder;
import dev.oversell.store.Database;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One (engine, design) pair under test: its gate, its store, what its schedules and load run showed so far. */
final class DesignOnEngine implements AutoCloseable {

    final Engine engine;
    final DatabaseDesign variant;
    final Claim claim;
    /** Every plan met so far, in order: its executions and how much of it they covered. */
    private final Map<String, PlanRun> plans = Collections.synchronizedMap(new LinkedHashMap<>());
    LoadOutcome load;
    private Database database;
    private Store store;
    private StatementScheduleRunner runner;
    private final Map<String, StatementScheduleRunner.Discovery> discoveries = new LinkedHashMap<>();

    DesignOnEngine(Engine engine, DatabaseDesign variant) {
        this.engine = engine;
        this.variant = variant;
        this.claim = variant.claim(Deployment.SINGLE_INSTANCE, engine);
    }

    /** A test of this cell: {@code [design on Engine] check} ({@link dev.oversell.run.TestNames}). */
    String testName(String check) {
        return dev.oversell.run.TestNames.of(variant.name(), engine.label(), check);
    }

    Database database() {
        if (database == null) {
            database = Engines.open(engine);
        }
        return database;
    }

    /** The store of the load run (created when first asked for, after the schedules have dropped their tables). */
    synchronized Store store() {
        if (store == null) {
            closeRunner();
            store = DatabaseDesigns.createStore(variant, database(), LoadRun.PRODUCTS);
        }
        return store;
    }

    /** The statement gate over this design's own instances and tables on this engine. */
    synchronized StatementScheduleRunner runner() {
        if (runner == null) {
            runner = new StatementScheduleRunner(variant.name(), database(),
                    DatabaseDesigns.schema(variant, StatementScheduleRunner.SCRIPT_STORE),
                    scheduling -> List.of(DatabaseDesigns.attach(variant, Store.existing(scheduling, StatementScheduleRunner.SCRIPT_STORE))));
            if (!variant.restocks()) {
                runner.withoutRestock();
            }
        }
        return runner;
    }

    /** Each call of {@code plan} run alone on this cell's engine (once per plan): what it sent. */
    synchronized StatementScheduleRunner.Discovery discovery(StatementPlan plan) {
        StatementScheduleRunner.Discovery known = discoveries.get(plan.name());
        if (known == null) {
            try {
                known = runner().discover(plan);
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(variant.name() + " on " + engine.label() + ", " + plan.name()
                        + ": the calls could not be run alone: " + e.getMessage(), e);
            }
            discoveries.put(plan.name(), known);
        }
        return known;
    }

    /** The plan's run in this cell, started when first asked for. */
    PlanRun plan(String name) {
        return plans.computeIfAbsent(name, PlanRun::new);
    }

    /** Records that {@code plan} is not run here, and why (not applicable, or not checked). */
    void notRun(String plan, Coverage why) {
        plans.put(plan, PlanRun.notRun(plan, why));
    }

    /** Every plan met so far, in order. */
    List<PlanRun> plans() {
        synchronized (plans) {
            return List.copyOf(plans.values());
        }
    }

    /** Every execution of every plan, in the order the plans ran. */
    List<JdbcScheduleOutcome> schedules() {
        return plans().stream().flatMap(p -> p.outcomes().stream()).toList();
    }

    /** What this cell's plans and load run saw, as the one record every family reports: one per plan. */
    List<Observation> observations() {
        String who = engine.label();
        String version = DatabaseSuite.VERSIONS.get(engine);
        String reproduce = DatabaseSuite.reproduce(this);
        List<Observation> observations = new ArrayList<>();
        // the cell's Hermitage-style script (DatabaseMatrix writes it: the most telling schedule of the cell)
        String script = DatabaseSuite.SUITE + "/" + engine.key() + "/" + variant.name() + ".sql";
        for (PlanRun plan : plans()) {
            observations.add(plan.observation(RunFolder.id(), variant.name(), Observation.Family.DATABASE_SCHEDULES,
                    "", who, version, reproduce, script));
        }
        if (load != null) {
            observations.add(new Observation(RunFolder.id(), variant.name(), Observation.Family.DATABASE_LOAD,
                    "load, seed " + load.seed(), who, version, load.coverage(reproduce), load.coverage(reproduce).ran()
                    ? load.judged() : null, Observation.Counts.ofAccounts(load.attempted(), load.initialStock()
                            + load.restocked(), load.unitsSold(), load.finalStock()),
                    load.judged().anomaly() ? String.join("; ", load.brokenInvariants()) : null,
                    reproduce + " -Doversell.loadSeed=" + load.seed(), DatabaseSuite.SUITE + "/summary.md",
                    load.buyers() + " buyers, " + load.attempted() + " purchases, " + load.millis() + " ms"));
        }
        return observations;
    }

    private void closeRunner() {
        if (runner != null) {
            try {
                runner.close();
            } catch (SQLException e) {
                throw new IllegalStateException(variant.name() + " on " + engine.label()
                        + ": the interleaving tables could not be dropped: " + e.getMessage(), e);
            } finally {
                runner = null;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            closeRunner();
        } finally {
            if (store != null) {
                store.close();
                store = null;
            }
        }
    }
}
