package dev.oversell.properties.database;

import dev.oversell.design.Designs;
import dev.oversell.design.Claim;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.model.OrderInventory;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Judge;
import dev.oversell.report.RunReport;
import dev.oversell.run.Reproduce;
import dev.oversell.run.Shard;
import dev.oversell.run.TestNames;
import dev.oversell.properties.Seeds;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.properties.database.jdbc.Exploration;
import dev.oversell.properties.database.jdbc.ExplorationThenSample;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.properties.database.jdbc.Sample;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.properties.database.jdbc.StatementScheduleRunner;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static dev.oversell.properties.Failures.fail;

/**
 * Every database design on every configured engine, judged by its claim on that engine, both ways, from two
 * kinds of evidence:
 * <ol>
 *   <li><b>Interleavings</b> ({@link #PLANS}), each schedule run for real through the one statement gate
 *       ({@link StatementScheduleRunner}: the design's own code over a scheduling data source) and named after
 *       the statements it interleaves ({@code s1 s2 u1 i1 c1 u2 ...}). Every plan of two calls (two purchases of
 *       the last unit, a restock racing a purchase, two purchases of 2 units from a stock of 3, the same request
 *       sent twice) runs every distinct execution ({@link dev.oversell.properties.database.jdbc.Exploration}:
 *       found as they run, the engine's locks deciding who can go on); three purchases of the last unit too, for
 *       designs whose buyers send at most {@value #SHORT_DESIGN_STATEMENTS} statements each, else
 *       {@code oversell.sampledSchedules} distinct orders (12; 48 with the {@code thorough} profile) drawn from the
 *       printed seed. A design that takes orders of several lines ({@link OrderInventory}) meets
 *       {@link #ORDER_PLANS} too: two orders of the same two products in opposite order, every distinct execution,
 *       judged on the accounts of each product; an order the engine refused (a deadlock it broke, a serialization
 *       failure) is a refusal, and must have taken nothing.</li>
 *   <li><b>A seeded load run</b> ({@link LoadRun}): many buyers of two products at once, invariants checked at
 *       the end.</li>
 * </ol>
 * Each schedule and the load run is judged in the words of {@link dev.oversell.judge.Finding}, and the claim
 * by {@link Judge}: "never oversells" must hold (nothing but {@code held}) in every schedule and the
 * load run; "may oversell" must be <em>demonstrated</em> by an {@code oversold} schedule or load run (a lost
 * update is not an oversell). A call that throws is an error, never a pass. A mismatch fails the build, naming
 * engine, plan and schedule. The matrix, the scripts and a summary go to {@code target/oversell/database/}.
 *
 * <p>A project runs it with {@code class ShopDatabaseTest extends DatabaseSuite {}}. Rerun one cell:
 * {@code -Doversell.engines=postgresql -Doversell.design=NAME} (a failure prints the whole command); another
 * load seed: {@code -Doversell.loadSeed=N}; other drawn schedules: {@code -Doversell.scheduleSeed=N}. A unit of a
 * shard ({@code -Doversell.shard=k/n}, {@link Shard}) is one design on one engine column.
 */
public abstract class DatabaseSuite {

    static final String SUITE = "database";
    private static final List<DesignOnEngine> CELLS = Collections.synchronizedList(new ArrayList<>());
    // in the engines' order, whichever server's checks reach them first
    static final Map<Engine, String> VERSIONS = Collections.synchronizedMap(new EnumMap<>(Engine.class));
    private static final Map<Engine, String> UNAVAILABLE = Collections.synchronizedMap(new EnumMap<>(Engine.class));

    /** Schedules run per sampled plan: all of them if there are no more, else as many drawn. */
    static final int SAMPLED_SCHEDULES = Integer.getInteger("oversell.sampledSchedules", 12);
    /** The most statements each of three buyers may send for every one of their interleavings to be run. */
    static final int SHORT_DESIGN_STATEMENTS = 3;

    /** How many of a plan's distinct schedules run. */
    enum Reach {
        /** Every distinct execution, found as they run. */
        EVERY,
        /**
         * Every distinct execution if each call sends at most {@value #SHORT_DESIGN_STATEMENTS} statements when it
         * runs alone (past the exploration's limit, when retries under contention make it larger, then up to
         * {@link #SAMPLED_SCHEDULES} drawn: bounded, and the cell says so), else up to {@link #SAMPLED_SCHEDULES}
         * distinct orders drawn from the printed seed.
         */
        EVERY_IF_SHORT
    }

    /** A plan and how much of it is run. */
    record CheckedPlan(StatementPlan plan, Reach reach) {
    }

    /** The plans every schedulable design is checked under, in order. */
    static final List<CheckedPlan> PLANS = List.of(new CheckedPlan(StatementPlan.lastUnit(), Reach.EVERY),
            new CheckedPlan(StatementPlan.restockRacingPurchase(), Reach.EVERY),
            new CheckedPlan(StatementPlan.twoUnitsEach(), Reach.EVERY),
            new CheckedPlan(StatementPlan.threeBuyers(), Reach.EVERY_IF_SHORT),
            new CheckedPlan(StatementPlan.sameRequestTwice(), Reach.EVERY));

    /**
     * The plans a design that takes orders ({@link OrderInventory}) is checked under too, after {@link #PLANS}: two
     * orders of the same two products in opposite order, every distinct execution. A design that sells one product
     * at a time does not meet them, as it does not meet the order scenarios in memory.
     */
    static final List<CheckedPlan> ORDER_PLANS = List.of(new CheckedPlan(StatementPlan.oppositeOrders(), Reach.EVERY));

    /** The plans {@code design} is checked under: {@link #PLANS}, and {@link #ORDER_PLANS} if it takes orders. */
    static List<CheckedPlan> plansOf(DatabaseDesign variant) {
        if (!OrderInventory.class.isAssignableFrom(variant.type())) {
            return PLANS;
        }
        List<CheckedPlan> plans = new ArrayList<>(PLANS);
        plans.addAll(ORDER_PLANS);
        return List.copyOf(plans);
    }

    @TestFactory
    public Stream<DynamicNode> everyDatabaseDesignIsJudgedOnEveryEngine() {
        dev.oversell.run.CheckerVersions.DATABASE.require();
        Reproduce.ranBy(DatabaseSuite.class, getClass());
        long loadSeed = Long.getLong("oversell.loadSeed", Seeds.base());
        long scheduleSeed = Long.getLong("oversell.scheduleSeed", Seeds.base());
        System.out.printf("[database] engines %s; load seed %d (rerun with -Doversell.loadSeed=%d); schedules drawn"
                        + " with seed %d (-Doversell.scheduleSeed=%d)%n", DatabaseSettings.requestedEngines(), loadSeed,
                loadSeed, scheduleSeed, scheduleSeed);
        List<DesignOnEngine> columns = Shard.current().take(SUITE, DatabaseSettings.requestedEngines().stream()
                .flatMap(engine -> Designs.overStores().stream().map(variant -> new DesignOnEngine(engine, variant)))
                .toList(), cell -> Shard.unit(SUITE, cell.variant.name(), cell.engine));
        CELLS.addAll(columns); // in the order given, whichever server's checks end first
        List<Engine> engines = columns.stream().map(cell -> cell.engine).distinct().toList();
        return ServerLanes.of(engines, engines.stream().map(engine -> DynamicContainer.dynamicContainer(
                engine.label(), Stream.concat(Stream.of(DynamicTest.dynamicTest(engine.label() + " is reachable",
                                () -> reachable(engine))),
                        columns.stream().filter(cell -> cell.engine == engine)
                                .map(cell -> checksOf(cell, loadSeed, scheduleSeed))))).toList(), SUITE);
    }

    private static DynamicContainer checksOf(DesignOnEngine cell, long loadSeed, long scheduleSeed) {
        List<DynamicNode> checks = new ArrayList<>();
        if (cell.variant.schedulable()) {
            List<CheckedPlan> plans = plansOf(cell.variant);
            for (int p = 0; p < plans.size(); p++) {
                CheckedPlan checked = plans.get(p);
                long seed = Seeds.derived(scheduleSeed, p);
                if (checked.plan().name().equals(StatementPlan.SAME_REQUEST_TWICE) && !cell.variant.deduplicatesRequestIds()) {
                    checks.add(DynamicContainer.dynamicContainer(checked.plan().describe() + " (declared: not de-duplicated)",
                            Stream.of(checked).flatMap(x -> resubmissionsOf(cell, checked))));
                    continue;
                }
                // the schedules are known once each call has run alone, so the container is filled as it runs
                checks.add(DynamicContainer.dynamicContainer(checked.plan().describe(),
                        Stream.of(checked).flatMap(x -> schedulesOf(cell, checked, seed))));
            }
        }
        checks.add(DynamicTest.dynamicTest(cell.testName("load: " + LoadRun.BUYERS + " buyers x " + LoadRun.PURCHASES_PER_BUYER
                + " purchases over " + LoadRun.PRODUCTS.size() + " products, seed " + loadSeed),
                () -> load(cell, loadSeed)));
        checks.add(DynamicTest.dynamicTest(cell.testName(TestNames.AGREES), () -> agrees(cell)));
        return DynamicContainer.dynamicContainer(cell.variant.name() + " on " + cell.engine.label()
                + " (claims " + cell.claim + ")", checks);
    }

    /**
     * Runs each call of the plan alone, then offers one test per distinct execution, as many as its
     * {@link Reach} says (drawn ones from {@code seed}).
     */
    private static Stream<DynamicNode> schedulesOf(DesignOnEngine cell, CheckedPlan checked, long seed) {
        StatementPlan plan = checked.plan();
        Optional<DynamicNode> notRun = notRun(cell, plan);
        if (notRun.isPresent()) {
            return notRun.stream();
        }
        StatementScheduleRunner.Discovery discovery = cell.discovery(plan);
        if (checked.reach() == Reach.EVERY) {
            return explored(cell, discovery, outcome -> judge(cell, discovery, outcome));
        }
        if (discovery.statements().stream().allMatch(sent -> sent.size() <= SHORT_DESIGN_STATEMENTS)) {
            return exploredThenDrawn(cell, discovery, seed);
        }
        Sample sample = cell.runner().sample(discovery, seed, SAMPLED_SCHEDULES);
        String where = where(cell, discovery);
        System.out.printf("[database] %s: %d interleavings, too many to run every execution: %d distinct ones drawn"
                + " at random with seed %d (-Doversell.scheduleSeed to change)%n", where, discovery.interleavings(),
                SAMPLED_SCHEDULES, seed);
        long start = System.nanoTime();
        return asTests(leafOf(cell, plan), sample, sample::walks, outcome -> judge(cell, discovery, outcome), failed -> {
            if (!failed) {
                cell.plan(plan.name()).ended(sample.covered(discovery.interleavings()));
            }
            System.out.printf("[database] %s: %s in %.1f s%n", where, failed ? "stopped by a failure"
                    : cell.plan(plan.name()).coverage().words(), (System.nanoTime() - start) / 1e9);
        });
    }

    /**
     * One test per distinct execution of the plan, each run as the test runner asks for the next one
     * ({@link Exploration}) and given to {@code check}; the count is printed when every one has run, and an
     * exploration that did not run every one is recorded for the report.
     */
    private static Stream<DynamicNode> explored(DesignOnEngine cell, StatementScheduleRunner.Discovery discovery,
                                                Consumer<JdbcScheduleOutcome> check) {
        Exploration exploration = cell.runner().explore(discovery, Exploration.limit());
        String where = where(cell, discovery);
        System.out.printf("[database] %s: every distinct execution of %d interleavings, found as they run%n", where,
                discovery.interleavings());
        long start = System.nanoTime();
        return asTests(leafOf(cell, discovery.plan()), exploration, exploration::executions, check, failed -> {
            String coverage = failed ? "stopped by a failure" : exploration.coverage();
            int deadlocked = cell.plan(discovery.plan().name()).deadlocked();
            System.out.printf("[database] %s: %d distinct executions%s in %.1f s, %s%s%n", where,
                    exploration.executions() - exploration.equivalent(), exploration.equivalent() == 0 ? ""
                            : " (and " + exploration.equivalent() + " runs found equivalent to one of them on the"
                            + " way)", (System.nanoTime() - start) / 1e9, coverage, deadlocked == 0 ? ""
                            : "; in " + deadlocked + " of them the engine broke a deadlock by refusing a call");
            if (!failed) {
                cell.plan(discovery.plan().name()).ended(exploration.covered());
            }
        });
    }

    /**
     * Every distinct execution of a plan whose calls are short when each runs alone; if under contention they send
     * so many more statements (retries) that the exploration reaches its limit, {@value #SAMPLED_SCHEDULES} more
     * drawn at random from {@code seed}, and the plan's coverage says it was bounded, not every one.
     */
    private static Stream<DynamicNode> exploredThenDrawn(DesignOnEngine cell, StatementScheduleRunner.Discovery discovery,
                                                         long seed) {
        ExplorationThenSample runs = new ExplorationThenSample(cell.runner().explore(discovery, Exploration.limit()),
                () -> cell.runner().sample(discovery, seed, SAMPLED_SCHEDULES), seed);
        String where = where(cell, discovery);
        System.out.printf("[database] %s: every distinct execution of %d interleavings, found as they run (past %d,"
                + " %d drawn with seed %d)%n", where, discovery.interleavings(), Exploration.limit(), SAMPLED_SCHEDULES,
                seed);
        long start = System.nanoTime();
        return asTests(leafOf(cell, discovery.plan()), runs, runs::runs, outcome -> judge(cell, discovery, outcome), failed -> {
            if (!failed) {
                cell.plan(discovery.plan().name()).ended(runs.covered(discovery.interleavings()));
            }
            System.out.printf("[database] %s: %s in %.1f s%n", where, failed ? "stopped by a failure"
                    : cell.plan(discovery.plan().name()).coverage().words(), (System.nanoTime() - start) / 1e9);
        });
    }

    /** A leaf of one plan of the cell: {@code [design on Engine] plan: what ran}. */
    private static UnaryOperator<String> leafOf(DesignOnEngine cell, StatementPlan plan) {
        return check -> cell.testName(plan.name() + ": " + check);
    }

    private static String where(DesignOnEngine cell, StatementScheduleRunner.Discovery discovery) {
        return cell.variant.name() + " on " + cell.engine.label() + ", " + discovery.plan().name();
    }

    /**
     * One test per execution {@code runs} yields, run as the test runner asks for the next one and given to
     * {@code check}; {@code whenDone} is told once at the end whether a failure stopped it. A gate failure while
     * finding the next execution becomes a failing test, and the runs stop there.
     */
    private static Stream<DynamicNode> asTests(UnaryOperator<String> leaf, Iterator<JdbcScheduleOutcome> runs,
                                               IntSupplier runSoFar,
                                               Consumer<JdbcScheduleOutcome> check, Consumer<Boolean> whenDone) {
        Iterator<DynamicNode> tests = new Iterator<>() {
            private boolean failed;
            private boolean told;
            /** What finding the next execution threw, to be shown as a failing test. */
            private Throwable pending;

            @Override
            public boolean hasNext() {
                boolean more;
                try {
                    more = !failed && runs.hasNext();
                } catch (RuntimeException | Error e) {
                    failed = true;
                    pending = e;
                    return true;
                }
                if (!more && !told) {
                    told = true;
                    whenDone.accept(failed);
                }
                return more;
            }

            @Override
            public DynamicNode next() {
                int number = runSoFar.getAsInt() + 1;
                try {
                    if (pending != null) {
                        throw pending;
                    }
                    JdbcScheduleOutcome outcome = runs.next();
                    return DynamicTest.dynamicTest(leaf.apply(outcome.ran()), () -> check.accept(outcome));
                } catch (Throwable e) {
                    failed = true;
                    pending = null;
                    return DynamicTest.dynamicTest(leaf.apply("execution " + number), () -> {
                        throw e;
                    });
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tests, Spliterator.ORDERED), false);
    }

    /**
     * A design that declares it does not de-duplicate request ids is not judged for overselling on the same
     * request sent twice (applying it twice is what it declares), but the declaration is measured like a claim:
     * some schedule must apply the request twice, else the design de-duplicates after all and should say so. What
     * was measured goes to the report as that plan's note.
     */
    private static Stream<DynamicNode> resubmissionsOf(DesignOnEngine cell, CheckedPlan checked) {
        StatementPlan plan = checked.plan();
        Optional<DynamicNode> notRun = notRun(cell, plan);
        if (notRun.isPresent()) {
            return notRun.stream();
        }
        StatementScheduleRunner.Discovery discovery = cell.discovery(plan);
        List<JdbcScheduleOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Stream<DynamicNode> runs = explored(cell, discovery, outcome -> {
            if (outcome.errored()) {
                fail("%s on %s, schedule %s: %s (an error, never a pass)%n%s%nReproduce: %s", cell.variant.name(),
                        cell.engine.label(), outcome.ran(), outcome.errors(), outcome.script(), reproduce(cell));
            }
            outcomes.add(outcome);
            cell.plan(plan.name()).add(outcome);
        });
        Stream<DynamicNode> verdict = Stream.of(DynamicTest.dynamicTest(cell.testName(
                "the declaration 'does not de-duplicate request ids' agrees with what was measured"), () -> {
                    List<JdbcScheduleOutcome> twice = outcomes.stream().filter(StatementPlan::appliedTwice).toList();
                    if (twice.isEmpty()) {
                        fail("%s on %s declares it does not de-duplicate request ids, but in none of %d schedules of '%s'"
                                        + " was the request applied twice: it de-duplicates (declare it so, and it is"
                                        + " judged on that), or these schedules missed it.%nReproduce: %s",
                                cell.variant.name(), cell.engine.label(), outcomes.size(), plan.name(), reproduce(cell));
                    }
                    cell.notRun(plan.name(), new Coverage.NotApplicable("not judged for overselling: the design does"
                            + " not de-duplicate request ids, as it declares; measured: the request was applied twice in "
                            + twice.size() + " of " + outcomes.size() + " schedules (e.g. " + twice.get(0).ran() + ")"));
                }));
        return Stream.concat(runs, verdict);
    }

    /**
     * The one node to offer instead of the plan's schedules when they are not run: the engine is unreachable
     * (skipped, or failed when required), the plan is not something the design does (recorded for the report,
     * skipped), or a call failed when it ran alone (a failure). Runs each call alone, once per cell and plan.
     */
    private static Optional<DynamicNode> notRun(DesignOnEngine cell, StatementPlan plan) {
        if (UNAVAILABLE.containsKey(cell.engine)) {
            return Optional.of(DynamicTest.dynamicTest(leafOf(cell, plan).apply("not run"), () -> skipIfUnavailable(cell.engine)));
        }
        StatementScheduleRunner.Discovery discovery = cell.discovery(plan);
        if (discovery.notApplicable() != null) {
            cell.notRun(plan.name(), new Coverage.NotApplicable(discovery.notApplicable()));
            return Optional.of(DynamicTest.dynamicTest(leafOf(cell, plan).apply("not applicable"),
                    () -> Assumptions.abort(discovery.notApplicable())));
        }
        if (discovery.errored()) {
            return Optional.of(DynamicTest.dynamicTest(leafOf(cell, plan).apply("each call alone"), () -> fail("%s on %s, %s: a call failed when it"
                            + " ran alone, so no interleaving was run:%n%s%nReproduce: %s", cell.variant.name(),
                    cell.engine.label(), plan.name(), discovery.alone().stream().map(JdbcScheduleOutcome::script)
                            .reduce("", String::concat), reproduce(cell))));
        }
        return Optional.empty();
    }

    private static void reachable(Engine engine) {
        try {
            VERSIONS.put(engine, Engines.open(engine).versionAndSettings());
        } catch (StoreException unreachable) {
            UNAVAILABLE.put(engine, unreachable.getMessage());
            if (Engines.required()) {
                fail("%s is required (CI=true) but unreachable: %s", engine.label(), unreachable.getMessage());
            }
            Assumptions.abort(engine.label() + " SKIPPED, not reachable: " + unreachable.getMessage());
        }
    }

    /** Records a schedule's outcome for the report and fails if it disagrees with the design's claims. */
    private static void judge(DesignOnEngine cell, StatementScheduleRunner.Discovery discovery,
                              JdbcScheduleOutcome outcome) {
        cell.plan(discovery.plan().name()).add(outcome);
        if (outcome.errored()) {
            fail("%s on %s, schedule %s: %s (an error, never a pass)%n%s%nReproduce: %s", cell.variant.name(),
                    cell.engine.label(), outcome.ran(), outcome.errors(), outcome.script(), reproduce(cell));
        }
        if (discovery.plan().name().equals(StatementPlan.SAME_REQUEST_TWICE) && StatementPlan.appliedTwice(outcome)) {
            fail("%s on %s declares it de-duplicates request ids, but schedule %s applied the same request twice%n%s%n"
                    + "Reproduce: %s", cell.variant.name(), cell.engine.label(), outcome.ran(), outcome.script(),
                    reproduce(cell));
        }
        if (cell.claim == Claim.NEVER_OVERSELLS) {
            Judge.disagreement(cell.variant.name() + " on " + cell.engine.label(), "schedule " + outcome.ran()
                    + " (" + outcome.plan() + ")", cell.claim, List.of(outcome.finding())).ifPresent(problem ->
                    fail("%s%n%s%nReproduce: %s", problem, outcome.script(), reproduce(cell)));
        }
    }

    private static void load(DesignOnEngine cell, long seed) throws Exception {
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

    private static void agrees(DesignOnEngine cell) {
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

    static String reproduce(DesignOnEngine cell) {
        return Reproduce.command(DatabaseSuite.class, "oversell.engines=" + cell.engine.key(),
                Designs.ONLY + "=" + cell.variant.name());
    }

    @AfterAll
    static void writeMatrix() {
        List<DesignOnEngine> cells;
        synchronized (CELLS) {
            cells = List.copyOf(CELLS);
        }
        cells.forEach(DesignOnEngine::close);
        DatabaseMatrix.write(cells, VERSIONS, UNAVAILABLE);
        RunReport.refresh();
        Engines.closeAll();
    }
}
