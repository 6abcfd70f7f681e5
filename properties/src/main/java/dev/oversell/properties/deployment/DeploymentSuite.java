package dev.oversell.properties.deployment;

import dev.oversell.design.Designs;
import dev.oversell.model.Inventory;
import dev.oversell.properties.Seeds;
import dev.oversell.properties.database.Engines;
import dev.oversell.properties.database.LoadRun;
import dev.oversell.properties.database.ServerLanes;
import dev.oversell.properties.database.jdbc.Exploration;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.properties.database.jdbc.PlanRun;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.properties.database.jdbc.StatementScheduleRunner;
import dev.oversell.report.RunReport;
import dev.oversell.run.Reproduce;
import dev.oversell.run.Shard;
import dev.oversell.run.TestNames;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import dev.oversell.store.owner.SingleOwner;
import dev.oversell.store.DatabaseDesigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.oversell.properties.Failures.fail;

/**
 * The deployment column: every database design with {@value DeploymentCell#INSTANCES} app instances sharing
 * one store, on every configured engine, judged by its shared-store claim, both ways. Evidence:
 * <ul>
 *   <li>a seeded load run across the instances (each with its own pool, monitor, actor), invariants checked;</li>
 *   <li>a bounded search for the smallest oversell (fewest buyers, then fewest units; {@link ReproductionSearch});</li>
 *   <li>for single-owner designs, an ownership hand-over through the statement gate ({@link HandOver}): every
 *       distinct execution of each plan ({@link Exploration}, at most {@link Exploration#limit()});</li>
 *   <li>for the designs in {@code oversell.deployment.processDesigns}, the same sale from
 *       {@value SeparateProcesses#PROCESSES} separate JVM processes ({@link SeparateProcesses}), on engines a
 *       second process can reach (not the in-memory H2).</li>
 * </ul>
 * In-memory designs have no shared store: their column is "not applicable". Results go to
 * {@code target/oversell/deployment/}. A project runs it with
 * {@code class ShopDeploymentTest extends DeploymentSuite {}}; rerun one cell with
 * {@code -Doversell.engines=postgresql -Doversell.design=NAME} (a failure prints the whole command). A unit of a
 * shard ({@code -Doversell.shard=k/n}, {@link Shard}) is one design on one engine column.
 */
public abstract class DeploymentSuite {

    static final String SUITE = "deployment";
    private static final List<DeploymentCell> CELLS = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> PROCESS_VARIANTS = Arrays.stream(DatabaseSettings.setting(
                    "oversell.deployment.processDesigns", "db-synchronized-service,db-conditional-update").split(","))
            .map(String::trim).collect(Collectors.toSet());

    @TestFactory
    public Stream<DynamicNode> everyDesignIsJudgedWithSeveralInstances() {
        Reproduce.ranBy(DeploymentSuite.class, getClass());
        long seed = Long.getLong("oversell.loadSeed", Seeds.base());
        List<DeploymentCell> columns = Shard.current().take(SUITE, DatabaseSettings.requestedEngines().stream()
                .flatMap(engine -> Designs.overStores().stream().map(variant -> new DeploymentCell(engine, variant)))
                .toList(), cell -> Shard.unit(SUITE, cell.variant.name(), cell.engine));
        CELLS.addAll(columns); // in the order given, whichever server's checks end first
        List<Engine> engines = columns.stream().map(cell -> cell.engine).distinct().toList();
        return ServerLanes.of(engines, engines.stream().map(engine -> DynamicContainer.dynamicContainer(
                engine.label() + ", " + DeploymentCell.INSTANCES + " instances",
                columns.stream().filter(cell -> cell.engine == engine).map(cell -> checksOf(cell, seed)))).toList(), SUITE);
    }

    private static DynamicContainer checksOf(DeploymentCell cell, long seed) {
        List<DynamicNode> checks = new ArrayList<>();
        checks.add(DynamicTest.dynamicTest(cell.testName("load across " + DeploymentCell.INSTANCES + " instances, seed " + seed),
                () -> load(cell, seed)));
        checks.add(DynamicTest.dynamicTest(cell.testName("smallest oversell across " + DeploymentCell.INSTANCES + " instances"),
                () -> search(cell)));
        if (SingleOwner.class.isAssignableFrom(cell.variant.type())) {
            checks.add(DynamicTest.dynamicTest(cell.testName("ownership hand-over, every interleaving (last unit;"
                    + " one request resent to the new owner)"), () -> handOver(cell)));
        }
        if (PROCESS_VARIANTS.contains(cell.variant.name()) && cell.engine != Engine.H2) {
            checks.add(DynamicTest.dynamicTest(cell.testName(SeparateProcesses.PROCESSES + " separate JVM processes"),
                    () -> processes(cell)));
        }
        checks.add(DynamicTest.dynamicTest(cell.testName(TestNames.AGREES_SHARED_STORE), () -> agrees(cell)));
        return DynamicContainer.dynamicContainer(cell.variant.name() + " on " + cell.engine.label() + " (claims "
                + cell.claim + " with several instances)", checks);
    }

    private static void reachable(Engine engine) {
        try {
            Engines.open(engine);
        } catch (StoreException unreachable) {
            if (Engines.required()) {
                fail("%s is required (CI=true) but unreachable: %s", engine.label(), unreachable.getMessage());
            }
            Assumptions.abort(engine.label() + " SKIPPED, not reachable: " + unreachable.getMessage());
        }
    }

    private static void load(DeploymentCell cell, long seed) throws Exception {
        reachable(cell.engine);
        try (Fleet fleet = new Fleet(cell.variant, cell.engine, cell.store(), DeploymentCell.INSTANCES)) {
            cell.load = LoadRun.run(fleet.instances(), cell.store(), seed, cell.variant.restocks());
        }
        List<String> exactlyOnce = cell.load.brokenInvariants().stream().filter(b -> b.startsWith("exactly once")).toList();
        if (!exactlyOnce.isEmpty()) {
            fail("%s on %s across %d instances, seed %d: %s. Reproduce: %s -Doversell.loadSeed=%d", cell.variant.name(),
                    cell.engine.label(), DeploymentCell.INSTANCES, seed, exactlyOnce, reproduce(cell), seed);
        }
    }

    private static void search(DeploymentCell cell) throws Exception {
        reachable(cell.engine);
        try (Fleet fleet = new Fleet(cell.variant, cell.engine, cell.store(), DeploymentCell.INSTANCES)) {
            ReproductionSearch.Result result = ReproductionSearch.smallest(fleet.instances(), cell.store(),
                    cell.variant.name() + "-" + cell.engine.key());
            cell.reproduction = result.smallest().orElse(null);
            cell.roundsTried = result.roundsRun();
            cell.searchFinding = result.worst();
        }
    }

    private static void handOver(DeploymentCell cell) throws Exception {
        reachable(cell.engine);
        boolean fenced;
        try (Inventory probe = DatabaseDesigns.attach(cell.variant, cell.store())) {
            fenced = ((SingleOwner) probe).fenced();
        }
        HandOver handOver = new HandOver(fenced, StatementScheduleRunner.SCRIPT_STORE);
        try (StatementScheduleRunner runner = new StatementScheduleRunner(cell.variant.name() + " hand-over",
                Engines.open(cell.engine), Store.schema(StatementScheduleRunner.SCRIPT_STORE, handOver.script()),
                handOver)) {
            List<StatementPlan> plans = List.of(HandOver.lastUnit(), HandOver.sameRequest());
            for (int p = 0; p < plans.size(); p++) {
                StatementPlan plan = plans.get(p);
                StatementScheduleRunner.Discovery discovery = runner.discover(plan);
                if (discovery.errored()) {
                    fail("%s hand-over on %s: a call failed when it ran alone: %s", cell.variant.name(),
                            cell.engine.label(), discovery.alone());
                }
                long start = System.nanoTime();
                Exploration exploration = runner.explore(discovery, Exploration.limit());
                PlanRun run = new PlanRun(plan.name());
                cell.handOvers.add(run);
                while (exploration.hasNext()) {
                    JdbcScheduleOutcome outcome = exploration.next();
                    run.add(outcome);
                    if (outcome.errored()) {
                        fail("%s hand-over on %s, schedule %s: %s%n%s", cell.variant.name(), cell.engine.label(),
                                outcome.ran(), outcome.errors(), outcome.script());
                    }
                }
                System.out.printf("[deployment] %s on %s, %s: %d distinct executions of %d interleavings in %.1f s, %s%n",
                        cell.variant.name(), cell.engine.label(), plan.name(),
                        exploration.executions() - exploration.equivalent(), discovery.interleavings(),
                        (System.nanoTime() - start) / 1e9, exploration.coverage());
                run.ended(exploration.covered());
            }
        }
    }

    private static void processes(DeploymentCell cell) throws Exception {
        reachable(cell.engine);
        cell.separateProcesses = SeparateProcesses.run(cell.variant, cell.engine, cell.store());
    }

    private static void agrees(DeploymentCell cell) {
        try {
            reachable(cell.engine);
            String problem = cell.problem();
            if (problem != null) {
                fail(problem + " Reproduce: " + reproduce(cell));
            }
        } finally {
            cell.close();
        }
    }

    static String reproduce(DeploymentCell cell) {
        return Reproduce.command(DeploymentSuite.class, "oversell.engines=" + cell.engine.key(),
                Designs.ONLY + "=" + cell.variant.name());
    }

    @AfterAll
    static void writeMatrix() {
        List<DeploymentCell> cells;
        synchronized (CELLS) {
            cells = List.copyOf(CELLS);
        }
        cells.forEach(DeploymentCell::close);
        DeploymentMatrix.write(cells);
        RunReport.refresh();
        Engines.closeAll();
    }
}
