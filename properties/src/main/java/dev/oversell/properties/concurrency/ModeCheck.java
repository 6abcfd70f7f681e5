package dev.oversell.properties.concurrency;

import dev.oversell.design.Claim;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.strategy.LincheckFailure;
import org.jetbrains.lincheck.LincheckAssertionError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One Lincheck mode over one design: every {@link Workload} in one Lincheck run, so that Lincheck's fixed cost
 * per run (instrumenting the classes in use, and undoing it) is paid once. Lincheck stops at the first failure.
 * If that failure decides the claim (any anomaly refutes "never oversells"; an oversell demonstrates "may
 * oversell"), the workloads after it are reported {@link LincheckObservation#NOT_REACHED}; if not (a lost update
 * or a non-linearizable answer of a design that claims it may oversell), Lincheck is run again on the rest, to
 * hunt for the oversell. A caught run's evidence (what was seen, how to reproduce it, Lincheck's full report) is
 * handed back with the observation, for the caller to keep.
 */
final class ModeCheck {

    /** Where the evidence of a caught run goes, relative to the evidence folder. */
    static final String SUITE = "lincheck";

    private final InMemoryDesign variant;
    private final Claim claim;
    private final LincheckMode mode;
    private final Map<String, String> evidence;

    /** {@code evidence} receives each caught run's text, by its path ({@value #SUITE}/design/file). */
    ModeCheck(InMemoryDesign variant, Claim claim, LincheckMode mode, Map<String, String> evidence) {
        this.variant = variant;
        this.claim = claim;
        this.mode = mode;
        this.evidence = evidence;
    }

    /** Runs {@code workloads}; what is left when {@code outOfTime} says so is reported as not checked. */
    List<LincheckObservation> run(List<Workload> workloads, BooleanSupplier outOfTime, String whyNotChecked) {
        List<LincheckObservation> observed = new ArrayList<>();
        List<Workload> remaining = workloads;
        while (!remaining.isEmpty()) {
            if (outOfTime.getAsBoolean()) {
                remaining.forEach(workload -> observed.add(observation(workload, LincheckObservation.NOT_CHECKED, 0,
                        threadsOf(workload), 0, null, null, whyNotChecked, new Coverage.NotChecked(whyNotChecked,
                                "-Doversell.lincheck.budgetSeconds, or -Doversell.design=" + variant.name()))));
                break;
            }
            remaining = runUntilCaught(remaining, observed);
            LincheckObservation last = observed.get(observed.size() - 1);
            if (!remaining.isEmpty() && decidesTheClaim(last)) {
                String why = "Lincheck stopped at " + last.workload() + ", which saw: " + last.observed();
                remaining.forEach(workload -> observed.add(observation(workload, LincheckObservation.NOT_REACHED, 0,
                        threadsOf(workload), 0, null, null, why, new Coverage.NotReached(why))));
                break;
            }
        }
        return observed;
    }

    private boolean decidesTheClaim(LincheckObservation caught) {
        return claim == Claim.MAY_OVERSELL ? caught.finding() == Finding.OVERSOLD : caught.finding().anomaly();
    }

    /** One Lincheck run over {@code workloads}; returns those it did not reach. */
    private List<Workload> runUntilCaught(List<Workload> workloads, List<LincheckObservation> observed) {
        Map<Workload, ExecutionScenario> scenarios = new LinkedHashMap<>();
        Class<? extends OperationsOnDesign> operations = Contract.of(variant).operations;
        workloads.forEach(w -> scenarios.put(w, ((Workload.Critical) w).scenario().on(operations)));
        CountingVerifier.reset();
        DesignUnderTest underTest = DesignUnderTest.open(variant);
        try {
            try {
                mode.options(variant, workloads, scenarios).check(operations);
                workloads.forEach(workload -> observed.add(held(workload, scenarios)));
                return List.of();
            } catch (LincheckAssertionError caught) {
                LincheckFailure failure = caught.getFailure$lincheck();
                // a custom scenario is reported as given, the very object the check built
                int at = workloads.stream().filter(w -> scenarios.get(w) == failure.getScenario()).findFirst()
                        .map(workloads::indexOf).orElse(-1);
                if (at < 0) {
                    throw new IllegalStateException("Lincheck failed on a scenario this check did not run: "
                            + failure.getScenario(), caught);
                }
                workloads.subList(0, at).forEach(workload -> observed.add(held(workload, scenarios)));
                observed.add(caught(workloads.get(at), caught, failure));
                return workloads.subList(at + 1, workloads.size());
            } catch (RuntimeException crashed) {
                throw new IllegalStateException("Lincheck could not check " + variant.name() + " (" + mode.label + ", "
                        + workloads.stream().map(Workload::label).toList() + "): nothing of it was checked", crashed);
            }
        } finally {
            underTest.close(); // every inventory and actor system the run built, whatever happened
        }
    }

    private LincheckObservation held(Workload workload, Map<Workload, ExecutionScenario> scenarios) {
        int runs = CountingVerifier.runsOf(scenarios.get(workload));
        // Lincheck's model checker stops a scenario early only when its interleaving tree is exhausted: fewer runs
        // than the bound means every interleaving was run; as many as the bound means it stopped at the bound
        // (a tree exhausted exactly at the bound is reported bounded, never the other way round)
        boolean exhaustive = runs < mode.runsPerScenario(variant);
        long millis = CountingVerifier.millisOf(scenarios.get(workload));
        if (runs == 0) {
            String why = "Lincheck judged no run of it";
            return observation(workload, LincheckObservation.NOT_CHECKED, 0, threadsOf(workload), 0, null, null, why,
                    new Coverage.NotChecked(why, null));
        }
        // a design on threads of its own runs its tasks on the callers' threads here (a stand-in executor, or the
        // actors' direct dispatcher): a task handed over without waiting never races its caller, so even a tree
        // run to its end is not every execution of the design as written, and the words say so
        boolean standIn = variant.execution() == Design.Execution.OWN_THREADS;
        Coverage coverage = exhaustive && !standIn ? new Coverage.Every(runs) : new Coverage.Bounded(runs, 0,
                (exhaustive ? "every interleaving of the callers' threads" : "at most " + mode.runsPerScenario(variant)
                        + " interleavings per scenario, -Doversell.lincheck.interleavings")
                        + (standIn ? "; tasks run on the callers' threads, so a task handed over without waiting never"
                        + " races its caller here (jcstress runs the real executor)" : ""));
        return observation(workload, Finding.HELD.word(), 0, threadsOf(workload), runs, null, null,
                "held: " + coverage.words() + " (" + millis + " ms)", coverage);
    }

    private LincheckObservation caught(Workload workload, LincheckAssertionError caught, LincheckFailure failure) {
        LincheckFinding finding = LincheckFinding.of(failure);
        ExecutionScenario scenario = failure.getScenario();
        int operations = operationsIn(scenario);
        int runs = CountingVerifier.runsOf(scenario);
        String fileName = variant.name() + "/" + (workload.label() + "-" + mode.label).toLowerCase()
                .replaceAll("[^a-z0-9]+", "-") + ".txt";
        String text = """
                Design:   %s (claims %s in one instance)
                Checker:   Lincheck %s, workload "%s": %s
                Verdict:   %s (%s), with %d operations on %d threads
                Seen:      %s (Lincheck: %s)
                Reproduce: %s

                %s
                """.formatted(variant.name(), claim, mode.label, workload.label(), bounds(workload),
                finding.finding().word(), finding.finding().meaning(), operations, scenario.getNThreads(),
                finding.detail(), finding.lincheckFailure(), LincheckMode.reproduce(variant.name()), caught.getMessage());
        evidence.put(SUITE + "/" + fileName, text);
        Coverage coverage = new Coverage.Bounded(Math.max(1, runs), 0, "Lincheck stops at the first failure");
        return observation(workload, finding.finding().word(), operations, scenario.getNThreads(), runs,
                finding.lincheckFailure(), SUITE + "/" + fileName, finding.detail(), coverage);
    }

    private LincheckObservation observation(Workload workload, String observed, int operations, int threads, int runs,
                                            String lincheckFailure, String evidenceFile, String note, Coverage coverage) {
        return new LincheckObservation(variant.name(), claim.name(), mode.label, workload.label(), observed,
                operations, threads, runs, lincheckFailure, evidenceFile, note, coverage);
    }

    private String bounds(Workload workload) {
        return "up to " + mode.runsPerScenario(variant) + " interleavings of the scenario";
    }

    private static int threadsOf(Workload workload) {
        return ((Workload.Critical) workload).scenario().threads().size();
    }

    private static int operationsIn(ExecutionScenario scenario) {
        return scenario.getInitExecution().size()
                + scenario.getParallelExecution().stream().mapToInt(List::size).sum()
                + scenario.getPostExecution().size();
    }
}
