package dev.oversell.properties.database;

import dev.oversell.design.Variants;
import dev.oversell.design.Claim;
import dev.oversell.design.Variant;
import dev.oversell.judge.Judge;
import dev.oversell.properties.Evidence;
import dev.oversell.report.RunReport;
import dev.oversell.run.Reproduce;
import dev.oversell.properties.Seeds;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.Engine;
import dev.oversell.store.PurchaseScript;
import dev.oversell.store.PurchaseSteps;
import dev.oversell.store.Step;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.oversell.properties.Failures.fail;

/**
 * Every database variant on every configured engine, judged by its claim on that engine, both ways, from two
 * kinds of evidence:
 * <ol>
 *   <li><b>Interleavings</b> ({@link #plans}), each schedule run for real through the
 *       {@link ScheduleRunner step gate} and named after its steps ({@code b1 r1 b2 r2 w1 w2 c1 c2}): two
 *       purchases of the last unit and a restock racing a purchase, every order of their steps; two purchases
 *       of 2 units from a stock of 3 and, for designs of at most {@value #SHORT_DESIGN_STEPS} steps, three
 *       purchases of the last unit, every order where there are at most {@value #SAMPLED_SCHEDULES}, else that
 *       many drawn from the printed seed.</li>
 *   <li><b>A seeded load run</b> ({@link LoadRun}): many buyers of two products at once, invariants checked at
 *       the end.</li>
 * </ol>
 * Each schedule and the load run is judged in the words of {@link dev.oversell.judge.Finding}, and the claim
 * by {@link Judge#disagreement}: "never oversells" must hold (nothing but {@code held}) in every schedule and the
 * load run; "may oversell" must be <em>demonstrated</em> by an {@code oversold} schedule or load run (a lost
 * update is not an oversell). A mismatch fails the build, naming engine, level and schedule. The matrix, the
 * scripts and a summary go to {@code target/oversell/database/}.
 *
 * <p>A project runs it with {@code class ShopDatabaseTest extends DatabaseSuite {}}. Rerun one cell:
 * {@code -Doversell.engines=postgresql -Doversell.variant=NAME} (a failure prints the whole command); another
 * load seed: {@code -Doversell.loadSeed=N}; other drawn schedules: {@code -Doversell.scheduleSeed=N}.
 */
public abstract class DatabaseSuite {

    static final String SUITE = "database";
    private static final List<VariantOnEngine> CELLS = Collections.synchronizedList(new ArrayList<>());
    static final Map<Engine, String> VERSIONS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final Map<Engine, String> UNAVAILABLE = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Schedules run per plan beyond the classic one: all of them if there are no more, else as many drawn. */
    static final int SAMPLED_SCHEDULES = 12;
    /** The most steps a design may have for the three-buyer plan (the short designs). */
    static final int SHORT_DESIGN_STEPS = 3;

    @TestFactory
    public Stream<DynamicNode> everyDatabaseVariantIsJudgedOnEveryEngine() {
        Reproduce.ranBy(DatabaseSuite.class, getClass());
        long loadSeed = Long.getLong("oversell.loadSeed", Seeds.base());
        long scheduleSeed = Long.getLong("oversell.scheduleSeed", Seeds.base());
        System.out.printf("[database] engines %s; load seed %d (rerun with -Doversell.loadSeed=%d); schedules drawn"
                        + " with seed %d (-Doversell.scheduleSeed=%d)%n", DatabaseSettings.requestedEngines(), loadSeed,
                loadSeed, scheduleSeed, scheduleSeed);
        return DatabaseSettings.requestedEngines().stream().map(engine -> DynamicContainer.dynamicContainer(
                engine.label(), Stream.concat(Stream.of(DynamicTest.dynamicTest(engine.label() + " is reachable",
                                () -> reachable(engine))),
                        Variants.overStores().stream()
                                .map(variant -> checksOf(new VariantOnEngine(engine, variant), loadSeed,
                                        scheduleSeed)))));
    }

    /**
     * The plans a design's schedules come from, and how many schedules of each: two purchases of the last unit,
     * every interleaving; a restock racing a purchase, every interleaving; two purchases of 2 units from a stock
     * of 3, and (short designs) three purchases of the last unit, every interleaving if there are at most
     * {@value #SAMPLED_SCHEDULES}, else that many drawn from the printed seed.
     */
    static Map<SchedulePlan, List<List<Integer>>> plans(PurchaseScript script, long seed) {
        Map<SchedulePlan, List<List<Integer>>> plans = new LinkedHashMap<>();
        SchedulePlan lastUnit = SchedulePlan.lastUnit(script);
        plans.put(lastUnit, Interleavings.of(stepCounts(lastUnit)));
        SchedulePlan restock = SchedulePlan.restockRacingPurchase(script);
        plans.put(restock, Interleavings.of(stepCounts(restock)));
        SchedulePlan twoUnits = SchedulePlan.twoUnitsEach(script);
        plans.put(twoUnits, Interleavings.bounded(seed, SAMPLED_SCHEDULES, stepCounts(twoUnits)));
        SchedulePlan threeBuyers = SchedulePlan.threeBuyers(script);
        if (PurchaseSteps.of(script).size() <= SHORT_DESIGN_STEPS) {
            plans.put(threeBuyers, Interleavings.bounded(Seeds.derived(seed, 1), SAMPLED_SCHEDULES,
                    stepCounts(threeBuyers)));
        }
        return plans;
    }

    private static int[] stepCounts(SchedulePlan plan) {
        return ScheduleRunner.stepCounts(plan.calls().stream().map(ScheduledCall::steps).toList());
    }

    private static DynamicContainer checksOf(VariantOnEngine cell, long loadSeed, long scheduleSeed) {
        CELLS.add(cell);
        List<DynamicNode> checks = new ArrayList<>();
        cell.variant.purchaseScript().ifPresent(script -> plans(script, scheduleSeed).forEach((plan, schedules) -> {
            List<List<Step>> steps = plan.calls().stream().map(ScheduledCall::steps).toList();
            long all = Interleavings.count(stepCounts(plan));
            List<DynamicTest> tests = schedules.stream().map(schedule -> DynamicTest.dynamicTest(
                    ScheduleRunner.name(steps, schedule), () -> schedule(cell, plan, schedule))).toList();
            checks.add(DynamicContainer.dynamicContainer(plan.name() + " (" + (schedules.size() == all
                    ? "every one of " + all + " schedules" : schedules.size() + " of " + all + " schedules, seed "
                    + scheduleSeed) + ")", tests));
        }));
        checks.add(DynamicTest.dynamicTest("load: " + LoadRun.BUYERS + " buyers x " + LoadRun.PURCHASES_PER_BUYER
                + " purchases over " + LoadRun.PRODUCTS.size() + " products, seed " + loadSeed,
                () -> load(cell, loadSeed)));
        checks.add(DynamicTest.dynamicTest("the claim agrees with what was measured", () -> agrees(cell)));
        return DynamicContainer.dynamicContainer(cell.variant.name() + " on " + cell.engine.label()
                + " (claims " + cell.claim + ")", checks);
    }

    private static void reachable(Engine engine) {
        try {
            VERSIONS.put(engine, Engines.open(engine).version());
        } catch (StoreException unreachable) {
            UNAVAILABLE.put(engine, unreachable.getMessage());
            if (Engines.required()) {
                fail("%s is required (CI=true) but unreachable: %s", engine.label(), unreachable.getMessage());
            }
            Assumptions.abort(engine.label() + " SKIPPED, not reachable: " + unreachable.getMessage());
        }
    }

    private static void schedule(VariantOnEngine cell, SchedulePlan plan, List<Integer> schedule) throws Exception {
        skipIfUnavailable(cell.engine);
        ScheduleOutcome outcome = cell.runner(plan).run(schedule);
        cell.schedules.add(outcome);
        if (!outcome.answeredExactlyOnce()) {
            fail("%s on %s, schedule %s: a call was not answered exactly once (%s; %d answers recorded for %d"
                            + " request ids answered)%n%s%nReproduce: %s", cell.variant.name(), cell.engine.label(),
                    outcome.schedule(), outcome.failures(), outcome.answersRecorded(), outcome.requestsAnswered(),
                    outcome.script(), reproduce(cell));
        }
        if (cell.claim == Claim.NEVER_OVERSELLS) {
            Judge.disagreement(cell.variant.name() + " on " + cell.engine.label(), "schedule " + outcome.schedule()
                    + " (" + plan.describe() + ")", cell.claim, List.of(outcome.finding())).ifPresent(problem ->
                    fail("%s%n%s%nReproduce: %s", problem, outcome.script(), reproduce(cell)));
        }
    }

    private static void load(VariantOnEngine cell, long seed) throws Exception {
        skipIfUnavailable(cell.engine);
        LoadOutcome outcome = LoadRun.run(cell.variant, cell.store(), seed);
        cell.load = outcome;
        List<String> notOversell = outcome.brokenInvariants().stream()
                .filter(b -> b.startsWith("exactly once")).toList();
        if (!notOversell.isEmpty()) {
            fail("%s on %s, load seed %d: %s. Reproduce: %s -Doversell.loadSeed=%d", cell.variant.name(),
                    cell.engine.label(), seed, notOversell, reproduce(cell), seed);
        }
        if (cell.claim == Claim.NEVER_OVERSELLS) {
            Judge.disagreement(cell.variant.name() + " on " + cell.engine.label(), "the load run with seed " + seed,
                    cell.claim, List.of(outcome.judged())).ifPresent(problem -> fail("%s: %s. Reproduce: %s"
                    + " -Doversell.loadSeed=%d", problem, outcome.brokenInvariants(), reproduce(cell), seed));
        }
    }

    private static void agrees(VariantOnEngine cell) {
        try {
            skipIfUnavailable(cell.engine);
            String problem = DatabaseMatrix.problem(cell);
            if (problem != null) {
                fail(problem + " Reproduce: " + reproduce(cell));
            }
        } finally {
            cell.close();
        }
    }

    private static void skipIfUnavailable(Engine engine) {
        String why = UNAVAILABLE.get(engine);
        Assumptions.assumeTrue(why == null, () -> engine.label() + " SKIPPED, not reachable: " + why);
    }

    static String reproduce(VariantOnEngine cell) {
        return Reproduce.command(DatabaseSuite.class, "oversell.engines=" + cell.engine.key(),
                Variants.ONLY + "=" + cell.variant.name());
    }

    @AfterAll
    static void writeMatrix() {
        List<VariantOnEngine> cells;
        synchronized (CELLS) {
            cells = List.copyOf(CELLS);
        }
        cells.forEach(VariantOnEngine::close);
        DatabaseMatrix.write(cells, VERSIONS, UNAVAILABLE);
        RunReport.refresh();
        Engines.closeAll();
    }
}
