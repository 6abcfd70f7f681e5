package dev.oversell.properties.concurrency;

import dev.oversell.design.Designs;
import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.model.Inventory;
import dev.oversell.properties.concurrency.faulty.CallerChecksPublishedStock;
import dev.oversell.properties.concurrency.faulty.FewSteps;
import dev.oversell.properties.concurrency.faulty.OwnerThreadChecksAndTakes;
import dev.oversell.properties.concurrency.faulty.LockOfTheWrongProduct;
import dev.oversell.properties.concurrency.faulty.OrderTakenLineByLine;
import dev.oversell.properties.concurrency.faulty.ReservationsReadWithoutTheLock;
import dev.oversell.properties.concurrency.faulty.ShownStockWrittenOutsideTheLock;
import dev.oversell.properties.concurrency.faulty.WithAThreadOfItsOwn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.oversell.design.Claim.MAY_OVERSELL;
import static dev.oversell.design.Claim.NEVER_OVERSELLS;
import static dev.oversell.design.Claim.NOT_APPLICABLE;
import static dev.oversell.design.Deployment.SHARED_STORE;
import static dev.oversell.design.Deployment.SINGLE_INSTANCE;
import static dev.oversell.design.Design.Execution.CALLER_THREAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lincheck harness itself, pointed at inventories with one known defect each
 * ({@code dev.oversell.properties.concurrency.faulty}): it must catch each, and name what it saw with the word
 * that fits, whatever workload saw it; it must model-check the actor designs and designs on an executor they are
 * handed, with the executor's declared semantics; and it must close what it builds,
 * and notice a design that leaves threads running.
 */
class LincheckHarnessTest {

    @BeforeAll
    static void startJdkTimer() {
        LincheckSuite.startJdkTimer();
    }

    @Test
    void aLostDecrementThatNeverOversellsIsALostUpdateAndDemonstratesNoOversell() {
        InMemoryDesign variant = faulty("shown-stock-written-outside-the-lock", ShownStockWrittenOutsideTheLock.class,
                ShownStockWrittenOutsideTheLock::new, MAY_OVERSELL);

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        assertThat(findings(seen)).contains(Finding.LOST_UPDATE).doesNotContain(Finding.OVERSOLD);
        assertThat(Judge.disagreement(variant.name(), "Lincheck", MAY_OVERSELL, findings(seen)))
                .as("a lost update must not demonstrate a 'may oversell' claim").isPresent();
    }

    @Test
    void aTornStockReadIsNotLinearizableWhileTheAccountsAddUp() {
        InMemoryDesign variant = faulty("reservations-read-without-the-lock", ReservationsReadWithoutTheLock.class,
                ReservationsReadWithoutTheLock::new, NEVER_OVERSELLS);

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        LincheckObservation caught = firstAnomaly(seen);
        assertThat(caught.finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
        assertThat(caught.lincheckFailure()).isEqualTo("incorrect results");
    }

    @Test
    void aLockTakenOnTheWrongProductIsCaughtWithTwoProducts() {
        InMemoryDesign variant = faulty("lock-of-the-wrong-product", LockOfTheWrongProduct.class, LockOfTheWrongProduct::new,
                NEVER_OVERSELLS);

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        LincheckObservation caught = firstAnomaly(seen);
        assertThat(caught.finding()).isEqualTo(Finding.LOST_UPDATE);
        assertThat(caught.workload()).isEqualTo("restocks and purchases of two products");
    }

    @Test
    void anOrderRefusedWithItsFirstLinesTakenIsPartiallyApplied() {
        InMemoryDesign variant = faulty("order-taken-line-by-line", OrderTakenLineByLine.class,
                OrderTakenLineByLine::new, NEVER_OVERSELLS);

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        assertThat(seen).extracting(LincheckObservation::workload)
                .as("a design that takes orders meets the order scenarios after the single-line ones")
                .contains("two orders of the same two products in opposite order");
        LincheckObservation caught = firstAnomaly(seen);
        assertThat(caught.finding()).as("the stock left is the refused order's first line taken: the order was cut"
                + " in two, not units lost").isEqualTo(Finding.PARTIALLY_APPLIED);
        assertThat(caught.workload()).isEqualTo("an order with a short line, a purchase of its other line");
    }

    @Test
    void aDesignThatTakesNoOrdersMeetsOnlyTheSingleLineScenarios() {
        InMemoryDesign variant = faulty("few-steps", FewSteps.class, FewSteps::new, NEVER_OVERSELLS);

        assertThat(LincheckMode.MODEL_CHECKING.workloads(variant)).extracting(Workload::label)
                .containsExactlyElementsOf(CriticalScenario.ALL.stream().map(CriticalScenario::name).toList());
    }

    @Test
    void theModelCheckerExploresAnActorDesignAndCatchesItsOversell() {
        InMemoryDesign broken = Designs.inMemory().stream()
                .filter(v -> v.execution() == Design.Execution.OWN_THREADS
                        && v.claim(Deployment.SINGLE_INSTANCE) == MAY_OVERSELL)
                .findFirst().orElseThrow(() -> new AssertionError("the catalogue has no broken actor design"));

        List<LincheckObservation> seen = check(broken, LincheckMode.MODEL_CHECKING);

        LincheckObservation caught = firstAnomaly(seen);
        assertThat(caught.finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(caught.scenarioOperations()).isLessThanOrEqualTo(LincheckSuite.MAX_READABLE_OPERATIONS);
    }

    @Test
    void aDesignOnItsOwnSingleThreadExecutorIsModelCheckedAsWrittenAndHolds() {
        InMemoryDesign variant = InMemoryDesign.named("owner-thread-checks-and-takes")
                .onSingleThreadExecutor(OwnerThreadChecksAndTakes.class, OwnerThreadChecksAndTakes::new)
                .claims(NEVER_OVERSELLS).mechanism("one owner thread checks and takes").build();

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        assertThat(seen).isNotEmpty().allSatisfy(o -> assertThat(o.checked()).as(o.note()).isTrue());
        assertThat(findings(seen)).allSatisfy(finding -> assertThat(finding.anomaly()).isFalse());
        assertThat(seen).as("a held on the stand-in executor says what the stand-in does not explore")
                .allSatisfy(o -> assertThat(o.coverage()).isInstanceOfSatisfying(Coverage.Bounded.class,
                        bounded -> assertThat(bounded.bound()).contains("tasks run on the callers' threads")));
    }

    @Test
    void aCallerThatChecksPublishedStockBeforeHandingOverTheDecrementIsCaughtOverselling() {
        InMemoryDesign variant = InMemoryDesign.named("caller-checks-published-stock")
                .onSingleThreadExecutor(CallerChecksPublishedStock.class, CallerChecksPublishedStock::new)
                .claims(MAY_OVERSELL).mechanism("the caller checks, the owner thread takes").build();

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        LincheckObservation caught = firstAnomaly(seen);
        assertThat(caught.finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(caught.scenarioOperations()).isLessThanOrEqualTo(3);
    }

    @Test
    void theOwnerThreadDesignDeclaredOnAPoolIsCaughtBecauseThePoolRunsItsTasksAtOnce() {
        InMemoryDesign variant = InMemoryDesign.named("owner-thread-on-a-pool")
                .onThreadPool(4, OwnerThreadChecksAndTakes.class, OwnerThreadChecksAndTakes::new)
                .claims(NEVER_OVERSELLS).mechanism("the owner-thread code, handed a pool").build();

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        assertThat(firstAnomaly(seen).finding().anomaly()).isTrue();
    }

    @Test
    void aCellReadsEveryInterleavingOnlyBelowTheBoundAndOtherwiseNamesTheBound() {
        InMemoryDesign variant = faulty("few-steps", FewSteps.class, FewSteps::new, NEVER_OVERSELLS);

        List<LincheckObservation> seen = check(variant, LincheckMode.MODEL_CHECKING);

        int bound = LincheckMode.MODEL_CHECKING.runsPerScenario(variant);
        assertThat(seen).allSatisfy(o -> assertThat(o.coverage()).satisfiesAnyOf(
                coverage -> assertThat(coverage).isEqualTo(new Coverage.Every(o.runs()))
                        .satisfies(every -> assertThat(o.runs()).isLessThan(bound)),
                coverage -> assertThat(coverage).isInstanceOfSatisfying(Coverage.Bounded.class,
                        bounded -> assertThat(bounded.tried()).isEqualTo(bound))));
        // even this design's smallest scenario has more than 100 interleavings (Lincheck switches inside the
        // operations' own code too): at the default bound every cell reads bounded, and says which bound
    }

    /*
     * Threads a design starts of its own are judged after the driver closed what it built. Inside a model-checked
     * run such a thread is Lincheck's to schedule, and it is still parked there after the run, whether or not
     * close() ended it (and Lincheck restores static state after each run, so counting instances there shows
     * nothing either): so the pair below builds and closes through the driver alone, where the difference shows.
     * The driver is what closes every inventory a check built, inside the runs or not.
     */

    @Test
    void aDesignThatEndsItsThreadOnCloseLeavesNone() throws InterruptedException {
        Set<Thread> before = LiveThreads.now();

        buildAndClose(faulty("ends-its-thread-on-close", WithAThreadOfItsOwn.class,
                stock -> new WithAThreadOfItsOwn(stock, true), NEVER_OVERSELLS));

        assertThat(LiveThreads.startedSince(before, Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void aDesignThatLeavesAThreadRunningAfterCloseIsSeen() throws InterruptedException {
        Set<Thread> before = LiveThreads.now();

        buildAndClose(faulty("leaves-its-thread-running", WithAThreadOfItsOwn.class,
                stock -> new WithAThreadOfItsOwn(stock, false), NEVER_OVERSELLS));

        List<Thread> left = LiveThreads.startedSince(before, Duration.ofMillis(200));
        left.forEach(Thread::interrupt); // the fixture's threads end when interrupted; this test starts no leak of its own
        assertThat(left).isNotEmpty().allSatisfy(thread -> assertThat(thread.getName()).isEqualTo("inventory-reporter"));
        for (Thread thread : left) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** What a check does with a design around Lincheck's run: open, build inventories, close. */
    private static void buildAndClose(InMemoryDesign variant) {
        try (DesignUnderTest check = DesignUnderTest.open(variant)) {
            DesignUnderTest.build();
            DesignUnderTest.build();
        }
    }

    private static <T extends Inventory> InMemoryDesign faulty(String name, Class<T> type,
                                                              java.util.function.Function<Map<String, Long>, T> factory,
                                                              Claim claim) {
        return InMemoryDesign.named(name).of(type, factory).runsOnCallerThread().claims(claim)
                .mechanism("a known defect, for the harness's own tests").build();
    }

    private static List<LincheckObservation> check(InMemoryDesign variant, LincheckMode mode) {
        Map<String, String> evidence = new HashMap<>();
        List<LincheckObservation> seen = new ModeCheck(variant, variant.claim(SINGLE_INSTANCE), mode, evidence)
                .run(mode.workloads(variant), () -> false, "");
        seen.forEach(o -> System.out.printf("[lincheck-harness] %s, %s, %s: %s (%s)%n", o.variant(), o.mode(),
                o.workload(), o.observed(), o.note()));
        return seen;
    }

    private static List<Finding> findings(List<LincheckObservation> seen) {
        return seen.stream().filter(LincheckObservation::checked).map(LincheckObservation::finding).toList();
    }

    private static LincheckObservation firstAnomaly(List<LincheckObservation> seen) {
        return seen.stream().filter(o -> o.checked() && o.finding().anomaly()).findFirst()
                .orElseThrow(() -> new AssertionError("nothing caught: " + seen));
    }
}
