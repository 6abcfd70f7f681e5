package dev.oversell.properties.deployment;

import dev.oversell.catalogue.Claim;
import dev.oversell.catalogue.Deployment;
import dev.oversell.catalogue.Variant;
import dev.oversell.properties.database.Engines;
import dev.oversell.properties.database.LoadOutcome;
import dev.oversell.properties.database.ScheduleOutcome;
import dev.oversell.store.Engine;
import dev.oversell.store.Store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One (engine, variant) pair under the deployment checks: its shared store and what was measured so far. */
final class DeploymentCell implements AutoCloseable {

    static final int INSTANCES = 2;

    final Engine engine;
    final Variant variant;
    final Claim claim;
    final List<ScheduleOutcome> handOvers = Collections.synchronizedList(new ArrayList<>());
    LoadOutcome load;
    Reproduction reproduction;
    int roundsTried;
    SeparateProcesses.Outcome separateProcesses;
    private Store store;

    DeploymentCell(Engine engine, Variant variant) {
        this.engine = engine;
        this.variant = variant;
        this.claim = variant.claim(Deployment.SHARED_STORE, engine);
    }

    Store store() {
        if (store == null) {
            store = Store.create(Engines.open(engine), Map.of("hot", 1L));
        }
        return store;
    }

    boolean oversold() {
        return (load != null && !load.brokenInvariants().isEmpty()) || reproduction != null
                || handOvers.stream().anyMatch(ScheduleOutcome::oversold)
                || (separateProcesses != null && separateProcesses.oversold());
    }

    boolean measured() {
        return load != null || !handOvers.isEmpty() || roundsTried > 0 || separateProcesses != null;
    }

    /** Why the claim disagrees with what was measured, or null. */
    String problem() {
        if (!measured()) {
            return variant.name() + " on " + engine.label() + " with " + INSTANCES + " instances: nothing was measured"
                    + " (see the errors above).";
        }
        if (claim == Claim.NEVER_OVERSELLS && oversold()) {
            return variant.name() + " claims it never oversells on " + engine.label() + " with several instances,"
                    + " but " + evidence();
        }
        if (claim == Claim.MAY_OVERSELL && !oversold()) {
            return variant.name() + " claims it may oversell on " + engine.label() + " with several instances, but"
                    + " no run showed it (load across " + INSTANCES + " instances, " + roundsTried + " rounds of the"
                    + " reproduction search" + (handOvers.isEmpty() ? "" : ", " + handOvers.size() + " hand-over schedules")
                    + "): the checks lacked power, or the claim is wrong.";
        }
        return null;
    }

    String evidence() {
        List<String> seen = new ArrayList<>();
        if (load != null && !load.brokenInvariants().isEmpty()) {
            seen.add("the load run broke " + load.brokenInvariants());
        }
        if (reproduction != null) {
            seen.add(reproduction.buyers() + " buyers sold " + reproduction.sold() + " of " + reproduction.units()
                    + " units (round " + reproduction.round() + ")");
        }
        long handOversOversold = handOvers.stream().filter(ScheduleOutcome::oversold).count();
        if (handOversOversold > 0) {
            seen.add(handOversOversold + " of " + handOvers.size() + " hand-over schedules oversold");
        }
        if (separateProcesses != null && separateProcesses.oversold()) {
            seen.add("separate processes sold " + separateProcesses.unitsSold() + " of " + SeparateProcesses.STOCK);
        }
        return String.join("; ", seen) + ".";
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
