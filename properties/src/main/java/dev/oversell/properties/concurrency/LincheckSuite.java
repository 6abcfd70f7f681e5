package dev.oversell.properties.concurrency;

import dev.oversell.design.Designs;
import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Evidence;
import dev.oversell.report.RunReport;
import dev.oversell.run.Reproduce;
import dev.oversell.run.Shard;
import dev.oversell.run.TestNames;
import dev.oversell.properties.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.oversell.properties.Failures.fail;

/**
 * Every in-memory design under Lincheck (database designs have their own checks), judged by its
 * single-instance claim with {@link Judge#disagreement}, both ways: "never oversells" holds only if no check
 * saw anything the contract forbids; "may oversell" is demonstrated only by an actual oversell, caught with a
 * counterexample of at most {@value #MAX_READABLE_OPERATIONS} operations and kept under
 * {@code target/oversell/lincheck/}.
 *
 * <p>Each design meets the {@link CriticalScenario}s under the model checker ({@link LincheckMode}), on one
 * generic test class ({@link InventoryOperations}; {@link OrderOperations} and the order scenarios too for a design
 * that implements {@code OrderInventory}, {@link Contract}): a new design is covered with no new test code. Every check closes what it built; after a design's checks, a thread the
 * design left running fails it. A check the time budget ({@code -Doversell.lincheck.budgetSeconds}) leaves no
 * room for fails, naming what was not checked.
 *
 * <p>A project runs it with {@code class ShopLincheckTest extends LincheckSuite {}}, in a JVM of its own (Surefire's
 * {@code reuseForks=false}: Lincheck's agent retransforms every loaded class). Rerun one design:
 * {@code -Doversell.design=NAME} (a failure prints the whole command). A unit of a shard
 * ({@code -Doversell.shard=k/n}, {@link Shard}) is one design.
 */
public abstract class LincheckSuite {

    static final int MAX_READABLE_OPERATIONS = 3;
    private static final Duration BUDGET = Duration.ofSeconds(Seeds.intProperty("oversell.lincheck.budgetSeconds", 300));
    private static final Duration THREAD_GRACE = Duration.ofSeconds(10);
    private static final List<LincheckObservation> OBSERVED = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, String> EVIDENCE = new ConcurrentHashMap<>();
    private static final Map<String, List<Thread>> LEFT_RUNNING = new ConcurrentHashMap<>();
    private static long deadline;

    @TestFactory
    public Stream<DynamicNode> everyDesignIsJudgedByItsClaim() {
        dev.oversell.run.CheckerVersions.LINCHECK.require();
        Reproduce.ranBy(LincheckSuite.class, getClass());
        startJdkTimer();
        deadline = System.nanoTime() + BUDGET.toNanos();
        System.out.printf("[lincheck] model checking: %d critical scenarios (%d more for designs that take orders), up"
                        + " to %d interleavings each (half for designs with threads of their own); budget %d s%n",
                CriticalScenario.ALL.size(), CriticalScenario.ORDERS.size(), LincheckMode.INTERLEAVINGS, BUDGET.toSeconds());
        return Shard.current().take(ModeCheck.SUITE, Designs.inMemory(), v -> Shard.unit(ModeCheck.SUITE, v.name()))
                .stream().map(LincheckSuite::checksOf);
    }

    /**
     * An ask's timeout is kept by the JDK's one timer thread, started on first use. Started here, before any
     * check: it is the JDK's, not a design's, and the model checker must not see it start inside a run.
     */
    static void startJdkTimer() {
        new CompletableFuture<Void>().orTimeout(1, TimeUnit.DAYS).complete(null);
    }

    private static DynamicContainer checksOf(InMemoryDesign variant) {
        Claim claim = variant.claim();
        ThreadsBefore threadsBefore = new ThreadsBefore();
        List<DynamicNode> checks = new ArrayList<>();
        for (LincheckMode mode : LincheckMode.values()) {
            checks.add(DynamicTest.dynamicTest(TestNames.of(variant.name(), mode.label + ": " + mode.workloads(variant).size()
                    + " workloads"), () -> {
                if (threadsBefore.takeIfFirst()) {
                    clearEvidenceOf(variant);
                }
                check(variant, claim, mode);
            }));
        }
        checks.add(DynamicTest.dynamicTest(TestNames.of(variant.name(), "closes what it builds: no thread left running"),
                () -> noThreadLeftRunning(variant, threadsBefore)));
        checks.add(DynamicTest.dynamicTest(TestNames.of(variant.name(), TestNames.JUDGED), () -> judged(variant, claim)));
        return DynamicContainer.dynamicContainer(variant.name() + " (claims: " + claim + ")", checks);
    }

    private static void check(InMemoryDesign variant, Claim claim, LincheckMode mode) {
        long started = System.nanoTime();
        Map<String, String> evidence = new LinkedHashMap<>();
        List<LincheckObservation> observed = new ModeCheck(variant, claim, mode, evidence).run(mode.workloads(variant),
                () -> System.nanoTime() > deadline,
                "the Lincheck time budget of " + BUDGET.toSeconds() + " s ran out before this check");
        evidence.forEach((file, text) -> Evidence.writeText(ModeCheck.SUITE, Path.of(ModeCheck.SUITE).relativize(Path.of(file))
                .toString(), text));
        EVIDENCE.putAll(evidence);
        OBSERVED.addAll(observed);
        observed.forEach(o -> System.out.printf("[lincheck] %s, %s, %s: %s (%s)%n", o.variant(), o.mode(),
                o.workload(), o.observed(), o.note()));
        System.out.printf("[lincheck] %s, %s: %d ms%n", variant.name(), mode.label, (System.nanoTime() - started) / 1_000_000);
        List<LincheckObservation> unchecked = observed.stream().filter(LincheckObservation::outOfTime).toList();
        if (!unchecked.isEmpty()) {
            fail("Not checked: %s, %s: %s. The Lincheck time budget of %d s ran out. Raise"
                            + " -Doversell.lincheck.budgetSeconds, or check this design alone with -Doversell.design=%s.",
                    variant.name(), mode.label, unchecked.stream().map(LincheckObservation::workload).toList(),
                    BUDGET.toSeconds(), variant.name());
        }
        if (claim == Claim.NEVER_OVERSELLS) { // a "may oversell" claim is judged over every check, below
            Judge.judge(variant.name(), "Lincheck " + mode.label, claim, typed(observed).stream()
                            .filter(Observation::checked).toList())
                    .ifPresent(why -> fail("%s%nEvery anomaly seen:%n%s", why, anomalies(observed)));
        }
    }

    /** A design's evidence folder holds this run's files only (a report is a function of one run). */
    private static void clearEvidenceOf(InMemoryDesign variant) throws IOException {
        Path folder = Evidence.dir(ModeCheck.SUITE).resolve(variant.name());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void noThreadLeftRunning(InMemoryDesign variant, ThreadsBefore threadsBefore) throws InterruptedException {
        List<Thread> left = LiveThreads.startedSince(threadsBefore.threads(), THREAD_GRACE);
        LEFT_RUNNING.put(variant.name(), left);
        if (!left.isEmpty()) {
            fail("%s left %d threads running after its checks closed every inventory (and actor system) they built,"
                            + " %d s later: %s. Its close() must end what it started.", variant.name(), left.size(),
                    THREAD_GRACE.toSeconds(), LiveThreads.describe(left));
        }
    }

    /**
     * One judge over every check of the design ({@link Judge#judge}): an oversell demonstrated, or an anomaly
     * that refutes "never oversells", stands whatever was not checked; "held" needs every check to have run.
     */
    private static void judged(InMemoryDesign variant, Claim claim) {
        List<LincheckObservation> seen = observationsOf(variant);
        int expected = Stream.of(LincheckMode.values()).mapToInt(mode -> mode.workloads(variant).size()).sum();
        if (claim == Claim.NEVER_OVERSELLS && seen.size() < expected) {
            fail("%s cannot be judged to hold: %d of its %d Lincheck checks did not run (see the failures above).",
                    variant.name(), expected - seen.size(), expected);
        }
        Judge.judge(variant.name(), "Lincheck", claim, typed(seen)).ifPresent(why -> fail("%s%nEvery anomaly seen:%n%s", why, anomalies(seen)));
        if (claim == Claim.MAY_OVERSELL) {
            LincheckObservation smallest = seen.stream().filter(o -> o.checked() && o.finding() == Finding.OVERSOLD)
                    .min(Comparator.comparingInt(LincheckObservation::scenarioOperations)).orElseThrow();
            if (smallest.scenarioOperations() > MAX_READABLE_OPERATIONS) {
                fail("%s was caught overselling, but the smallest counterexample has %d operations (more than %d a"
                                + " reader can follow); see %s", variant.name(), smallest.scenarioOperations(),
                        MAX_READABLE_OPERATIONS, smallest.evidenceFile());
            }
        }
    }

    private static List<Observation> typed(List<LincheckObservation> seen) {
        return seen.stream().map(o -> o.toObservation(Optional.ofNullable(o.evidenceFile()).map(EVIDENCE::get)
                .map(LincheckSummary::scenarioTable).orElse(null))).toList();
    }

    /** Every anomaly seen, each with its evidence file. */
    private static String anomalies(List<LincheckObservation> seen) {
        return seen.stream().filter(o -> o.checked() && o.finding().anomaly())
                .map(o -> "  " + o.mode() + ", " + o.workload() + ": " + o.observed() + " (" + o.note() + "); evidence: "
                        + Evidence.dir("").resolve(o.evidenceFile()))
                .collect(Collectors.joining("\n"));
    }

    private static List<LincheckObservation> observationsOf(InMemoryDesign variant) {
        synchronized (OBSERVED) {
            return OBSERVED.stream().filter(o -> o.variant().equals(variant.name())).toList();
        }
    }

    /** The threads alive before a design's first check. */
    private static final class ThreadsBefore {
        private Set<Thread> threads;

        /** Takes them if this is the design's first check, and says so. */
        boolean takeIfFirst() {
            if (threads == null) {
                threads = LiveThreads.now();
                return true;
            }
            return false;
        }

        Set<Thread> threads() {
            return threads == null ? LiveThreads.now() : threads;
        }
    }

    @AfterAll
    static void writeVerdicts() {
        List<LincheckObservation> observed;
        synchronized (OBSERVED) {
            observed = List.copyOf(OBSERVED);
        }
        Path json = Evidence.writeJson(ModeCheck.SUITE, "verdicts.json", observed);
        Evidence.writeObservations(ModeCheck.SUITE, Designs.inMemory(), typed(observed));
        RunReport.refresh();
        String summary = LincheckSummary.markdown(observed, EVIDENCE, LEFT_RUNNING);
        Path markdown = Evidence.writeText(ModeCheck.SUITE, "summary.md", summary);
        System.out.printf("%n%s%n[lincheck] written to %s and %s%n", summary, json, markdown);
    }
}
