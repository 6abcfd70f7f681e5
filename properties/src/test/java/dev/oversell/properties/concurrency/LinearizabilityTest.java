package dev.oversell.properties.concurrency;

import dev.oversell.catalogue.Catalogue;
import dev.oversell.catalogue.Claim;
import dev.oversell.catalogue.Deployment;
import dev.oversell.catalogue.Variant;
import dev.oversell.properties.Evidence;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Every in-memory catalogue variant under Lincheck (database variants have their own checks), judged by its single-instance claim, both ways:
 * <ul>
 *   <li>"never oversells": every applicable mode must find the variant linearizable against the
 *       specification, with the invariants holding after every run;</li>
 *   <li>"may oversell": some mode must <em>catch</em> it, with a counterexample of at most
 *       {@value #MAX_READABLE_OPERATIONS} operations, kept under {@code target/oversell/lincheck/}. A claimed-unsafe
 *       variant that is not caught fails the build: the harness lacked power.</li>
 * </ul>
 * One generic test class ({@link InventoryOperations}) serves every variant; a new catalogue entry is covered
 * with no new test code. Rerun one variant: {@code mvn -pl properties -am verify -Dtest=LinearizabilityTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.variant=NAME}.
 */
class LinearizabilityTest {

    static final int MAX_READABLE_OPERATIONS = 3;
    private static final String SUITE = "lincheck";
    private static final List<LincheckObservation> OBSERVED = Collections.synchronizedList(new ArrayList<>());
    private static final java.util.Map<String, String> EVIDENCE = new java.util.concurrent.ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> everyVariantIsJudgedByItsClaim() {
        String only = System.getProperty("oversell.variant");
        return Catalogue.inMemory().stream()
                .filter(variant -> only == null || only.isBlank() || variant.name().equals(only))
                .map(LinearizabilityTest::checksOf);
    }

    private static DynamicContainer checksOf(Variant variant) {
        Claim claim = variant.claim(Deployment.SINGLE_INSTANCE);
        List<DynamicNode> checks = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            for (LincheckMode mode : LincheckMode.values()) {
                checks.add(DynamicTest.dynamicTest(workload.label + ", " + mode.label,
                        () -> run(variant, claim, mode, workload)));
            }
        }
        if (claim == Claim.MAY_OVERSELL) {
            checks.add(DynamicTest.dynamicTest("the oversell is demonstrated", () -> demonstrated(variant)));
        }
        return DynamicContainer.dynamicContainer(variant.name() + " (claims: " + claim + ")", checks);
    }

    private static void run(Variant variant, Claim claim, LincheckMode mode, Workload workload) {
        if (!mode.appliesTo(variant)) {
            OBSERVED.add(new LincheckObservation(variant.name(), claim.name(), mode.label, workload.label,
                    LincheckObservation.NOT_APPLICABLE, 0, null, mode.notApplicableBecause()));
            return;
        }
        VariantUnderTest.set(variant);
        long started = System.nanoTime();
        try {
            mode.options().check(workload.testClass);
            OBSERVED.add(new LincheckObservation(variant.name(), claim.name(), mode.label, workload.label,
                    LincheckObservation.HELD,
                    0, null, "linearizable in " + LincheckMode.ITERATIONS + " iterations ("
                    + elapsedMillis(started) + " ms)"));
        } catch (LincheckAssertionError caught) {
            ExecutionScenario scenario = caught.getFailure$lincheck().getScenario();
            int operations = operationsIn(scenario);
            String observed = workload == Workload.PURCHASES ? LincheckObservation.OVERSOLD : LincheckObservation.CAUGHT;
            String fileName = (variant.name() + "-" + workload.name() + "-" + mode.name()).toLowerCase()
                    .replace('_', '-') + ".txt";
            String text = """
                    Variant:   %s (claims %s in one instance)
                    Checker:   Lincheck %s, workload "%s", %d iterations, 2 threads x 2 operations
                    Verdict:   %s: not linearizable or an invariant broken, with %d operations
                    Reproduce: mvn -pl properties -am verify -Dtest=LinearizabilityTest \
                    -Dsurefire.failIfNoSpecifiedTests=false -Doversell.variant=%s

                    %s
                    """.formatted(variant.name(), claim, mode.label, workload.label, LincheckMode.ITERATIONS, observed, operations,
                    variant.name(), caught.getMessage());
            Path evidence = Evidence.writeText(SUITE, fileName, text);
            EVIDENCE.put(SUITE + "/" + fileName, text);
            OBSERVED.add(new LincheckObservation(variant.name(), claim.name(), mode.label, workload.label, observed,
                    operations, SUITE + "/" + fileName, firstLine(caught.getMessage())));
            if (claim == Claim.NEVER_OVERSELLS) {
                fail("%s claims it never oversells in one instance, but Lincheck %s (%s) caught it (%d operations)."
                        + " Evidence: %s%n%s", variant.name(), mode.label, workload.label, operations, evidence,
                        caught.getMessage());
            }
        }
    }

    private static void demonstrated(Variant variant) {
        List<LincheckObservation> caught = observationsOf(variant).stream().filter(LincheckObservation::oversold).toList();
        if (caught.isEmpty()) {
            fail("%s claims it may oversell, but no Lincheck mode caught an oversell: the harness lacked power. Raise"
                    + " -Doversell.lincheck.iterations (now %d) or fix the claim.", variant.name(),
                    LincheckMode.ITERATIONS);
        }
        int smallest = caught.stream().mapToInt(LincheckObservation::scenarioOperations).min().orElseThrow();
        if (smallest > MAX_READABLE_OPERATIONS) {
            fail("%s was caught, but the smallest counterexample has %d operations (more than %d a reader can"
                    + " follow); see %s", variant.name(), smallest, MAX_READABLE_OPERATIONS, caught.get(0).evidenceFile());
        }
    }

    private static List<LincheckObservation> observationsOf(Variant variant) {
        synchronized (OBSERVED) {
            return OBSERVED.stream().filter(o -> o.variant().equals(variant.name())).toList();
        }
    }

    private static int operationsIn(ExecutionScenario scenario) {
        return scenario.getInitExecution().size()
                + scenario.getParallelExecution().stream().mapToInt(List::size).sum()
                + scenario.getPostExecution().size();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @AfterAll
    static void writeVerdicts() {
        List<LincheckObservation> observed;
        synchronized (OBSERVED) {
            observed = List.copyOf(OBSERVED);
        }
        Path json = Evidence.writeJson(SUITE, "verdicts.json", observed);
        String summary = LincheckSummary.markdown(observed, EVIDENCE);
        Path markdown = Evidence.writeText(SUITE, "summary.md", summary);
        System.out.printf("%n%s%n[lincheck] written to %s and %s%n", summary, json, markdown);
    }
}
