package dev.oversell.properties.deployment;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.run.RunFolder;
import dev.oversell.judge.Judge;
import dev.oversell.properties.database.Engines;
import dev.oversell.properties.database.LoadOutcome;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.properties.database.jdbc.PlanRun;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One (engine, design) pair under the deployment checks: its shared store, what was measured so far, and
 * whether that agrees with the shared-store claim.
 */
final class DeploymentCell implements AutoCloseable {

    static final int INSTANCES = 2;

    final Engine engine;
    final DatabaseDesign variant;
    final Claim claim;
    /** Each hand-over plan: its executions, and how much of the plan they covered. */
    final List<PlanRun> handOvers = Collections.synchronizedList(new ArrayList<>());
    LoadOutcome load;
    Reproduction reproduction;
    Finding searchFinding;
    int roundsTried;
    SeparateProcesses.Outcome separateProcesses;
    private Store store;

    DeploymentCell(Engine engine, DatabaseDesign variant) {
        this.engine = engine;
        this.variant = variant;
        this.claim = variant.claim(Deployment.SHARED_STORE, engine);
    }

    /** A test of this cell: {@code [design on Engine] check} ({@link dev.oversell.run.TestNames}). */
    String testName(String check) {
        return dev.oversell.run.TestNames.of(variant.name(), engine.label(), check);
    }

    Store store() {
        if (store == null) {
            store = DatabaseDesigns.createStore(variant, Engines.open(engine), Map.of("hot", 1L));
        }
        return store;
    }

    /**
     * What was measured so far, as the one record every family reports: the load run, the search for the
     * smallest oversell, each hand-over schedule, the separate processes.
     */
    List<Observation> observations() {
        String who = engine.label();
        String reproduce = DeploymentSuite.reproduce(this);
        List<Observation> observations = new ArrayList<>();
        if (load != null) {
            observations.add(observed("load across " + INSTANCES + " instances, seed " + load.seed(),
                    load.coverage(reproduce), load.judged(),
                    Observation.Counts.ofAccounts(load.attempted(), load.initialStock() + load.restocked(),
                            load.unitsSold(), load.finalStock()),
                    load.judged().anomaly() ? String.join("; ", load.brokenInvariants()) : null,
                    reproduce + " -Doversell.loadSeed=" + load.seed(), null));
        }
        if (searchFinding != null) {
            observations.add(observed("smallest oversell across " + INSTANCES + " instances",
                    new Coverage.Bounded(Math.max(1, roundsTried), 0, "rounds of the search for the smallest oversell"),
                    searchFinding,
                    reproduction == null ? null : Observation.Counts.ofAccounts(reproduction.buyers(),
                            reproduction.units(), reproduction.sold(), 0),
                    reproduction == null ? null : reproduction.buyers() + " buyers, one unit each, through "
                            + reproduction.instances() + " instances, " + reproduction.units() + " in stock: "
                            + reproduction.sold() + " sold (round " + reproduction.round() + " of " + reproduction.rounds() + ")",
                    reproduce, roundsTried + " rounds"));
        }
        synchronized (handOvers) {
            for (PlanRun plan : handOvers) {
                observations.add(plan.observation(RunFolder.id(), variant.name(), Observation.Family.DEPLOYMENT,
                        "hand-over, ", engine.label(), Engines.versionIfOpen(engine), reproduce,
                        DeploymentSuite.SUITE + "/" + engine.key() + "/" + variant.name() + "-hand-over.sql"));
            }
        }
        if (separateProcesses != null) {
            SeparateProcesses.Outcome p = separateProcesses;
            observations.add(observed(p.processes() + " separate JVM processes", p.attempted() == 0
                            ? new Coverage.NotChecked("no purchase was attempted", reproduce)
                            : new Coverage.Sampled(p.attempted(), 0, "purchases", null), p.judged(),
                    Observation.Counts.ofAccounts(p.attempted(), SeparateProcesses.STOCK, p.unitsSold(), p.finalStock()),
                    p.judged().anomaly() ? "sold " + p.unitsSold() + " of " + SeparateProcesses.STOCK + ", stock after "
                            + p.finalStock() : null, reproduce, null));
        }
        return observations;
    }

    private Observation observed(String cell, Coverage coverage, Finding finding, Observation.Counts counts,
                                 String example, String reproduce, String note) {
        return new Observation(RunFolder.id(), variant.name(), Observation.Family.DEPLOYMENT, cell, engine.label(),
                Engines.versionIfOpen(engine), coverage, coverage.ran() ? finding : null, counts, example, reproduce,
                DeploymentSuite.SUITE + "/summary.md", note);
    }

    /** Every execution of every hand-over plan, in order. */
    List<JdbcScheduleOutcome> handOverSchedules() {
        synchronized (handOvers) {
            return handOvers.stream().flatMap(p -> p.outcomes().stream()).toList();
        }
    }

    /** How much of each hand-over plan was run, in words. */
    String handOverCoverage() {
        synchronized (handOvers) {
            return handOvers.stream().map(p -> p.plan() + ": " + p.coverage().words())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    /** Every finding measured so far: the load run, the search, each hand-over schedule, the separate processes. */
    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        if (load != null) {
            findings.add(load.judged());
        }
        if (searchFinding != null) {
            findings.add(searchFinding);
        }
        handOverSchedules().forEach(s -> findings.add(s.finding()));
        if (separateProcesses != null) {
            findings.add(separateProcesses.judged());
        }
        return findings;
    }

    /** The worst finding measured (in the words of {@link Finding}). */
    Finding verdict() {
        return findings().stream().reduce(Finding.HELD, Finding::worst);
    }

    boolean measured() {
        return !findings().isEmpty();
    }

    /** Why the claim disagrees with what was measured, or null ({@link Judge#disagreement}'s rule). */
    String problem() {
        String what = "the checks with " + INSTANCES + " instances (load" + (roundsTried > 0 ? ", " + roundsTried
                + " rounds of the reproduction search" : "") + (handOvers.isEmpty() ? "" : ", " + handOverSchedules().size()
                + " hand-over schedules") + (separateProcesses == null ? "" : ", separate processes") + ")";
        return Judge.judge(variant.name() + " on " + engine.label() + " with several instances", what, claim,
                observations()).map(problem -> verdict().anomaly() ? problem + "\nSeen: " + evidence() : problem)
                .orElse(null);
    }

    String evidence() {
        List<String> seen = new ArrayList<>();
        if (load != null && load.judged().anomaly()) {
            seen.add("the load run: " + load.finding() + " " + load.brokenInvariants());
        }
        if (reproduction != null) {
            seen.add(reproduction.buyers() + " buyers sold " + reproduction.sold() + " of " + reproduction.units()
                    + " units (round " + reproduction.round() + ")");
        } else if (searchFinding != null && searchFinding.anomaly()) {
            seen.add("the reproduction search: " + searchFinding.word());
        }
        Map<String, Long> handOverFindings = new java.util.TreeMap<>();
        List<JdbcScheduleOutcome> schedules = handOverSchedules();
        schedules.stream().filter(s -> s.finding().anomaly())
                .forEach(s -> handOverFindings.merge(s.finding().word(), 1L, Long::sum));
        handOverFindings.forEach((word, count) -> seen.add(count + " of " + schedules.size() + " hand-over schedules: "
                + word));
        if (separateProcesses != null && separateProcesses.judged().anomaly()) {
            seen.add("separate processes: " + separateProcesses.finding() + ", sold " + separateProcesses.unitsSold()
                    + " of " + SeparateProcesses.STOCK + ", stock after " + separateProcesses.finalStock());
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
