package dev.oversell.properties.concurrency;

import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Designs;
import dev.oversell.run.Reproduce;
import dev.oversell.design.Design;
import dev.oversell.properties.Seeds;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;

import java.util.List;
import java.util.Map;

/**
 * Lincheck's model checker, with the bound Oversell runs it at. It applies to every in-memory design: a design
 * whose calls run on threads of its own is model-checked on a deterministic dispatcher (an {@code ActorSystem} over
 * the direct executor {@code Runnable::run}, {@link DesignUnderTest}), whose turns it interleaves with the callers'.
 *
 * <p>The bound, {@code oversell.lincheck.interleavings} (default {@value #DEFAULT_INTERLEAVINGS}; {@code -Pthorough}
 * raises it for a design review): interleavings explored per critical scenario at most, for a design that runs on
 * the caller's thread; a design with threads of its own gets half of it (each of its interleavings runs the actor
 * runtime's code too, several times as long). A scenario whose tree of interleavings is exhausted in fewer is
 * reported as every interleaving run ({@code Coverage.Every}); one stopped at the bound as bounded
 * ({@code Coverage.Bounded}, the bound and the setting named).
 *
 * <p>The default is measured on the power corpus ({@code power/}: 17 known bugs, 7 correct twins, each claiming it
 * never oversells). Lincheck explores a scenario in the same order whatever the bound, so each bug has a depth: the
 * interleaving at which it is first caught. At 40 (the former default) 16 of 17 were caught and the retried request
 * applied twice was missed (caught at interleaving 45); two more were caught only by a later scenario at 35 after
 * the first one missed them. At 200 all 17 were caught, the deepest at interleaving 46 (30 for an actor design, whose
 * bound is half); so does 100, with twice that margin, for the catalogue's five designs in 22.5 s against 14.5 s
 * at 40 (and 93 s for the corpus's 24, on 2 cores). The trees are larger than any such bound: at 1,000 the
 * catalogue's {@code synchronized} design exhausted 1 of the 8 scenarios ("a purchase racing a restock", in 701
 * interleavings) and {@code actor} none at 500, so the bound decides what is covered, and every cell says so.
 * Random scenarios under Lincheck's stress strategy were measured too, and removed: at 30 runs of 5 scenarios they
 * caught 6 of the 17 bugs, each one the model checker caught at 40, for a quarter of the model checker's time
 * (44 s against 134 s over the corpus); the one thing only they saw was a request id reused for another product
 * with no other call at once, which the conformance suite checks.
 */
enum LincheckMode {

    /** Explores thread switches deterministically: every interleaving of a small scenario, up to a bound. */
    MODEL_CHECKING("model checking") {
        @Override
        Options<?, ?> options(InMemoryDesign variant) {
            return new ModelCheckingOptions().invocationsPerIteration(runsPerScenario(variant))
                    // Lincheck calls a loop of more than 50 iterations non-terminating and the run hung: a correct
                    // design that loops longer in a call (power corpus: slow-one-monitor) was judged "not
                    // linearizable"; a loop that truly never ends is still caught, after this many iterations
                    .loopBound(LOOP_BOUND)
                    // bookkeeping of the check, not code under test: no thread switch inside
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(Accounts.class.getName()).allMethods().ignore())
                    // the JDK's concurrent collections are linearizable: a call of theirs that runs none of the
                    // design's code is one step, with switches before and after it, not inside; a call that runs
                    // the design's code (computeIfAbsent's function, merge's) is explored inside, like the rest
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses("java.util.concurrent.ConcurrentHashMap")
                            .methods("get", "getOrDefault", "containsKey", "put", "putIfAbsent", "remove", "replace",
                                    "size", "isEmpty").treatAsAtomic())
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses("java.util.concurrent.ConcurrentLinkedQueue")
                            .methods("add", "offer", "poll", "peek", "isEmpty", "size").treatAsAtomic())
                    // the JDK's timer behind an ask's timeout runs on a JDK thread the model checker does not control;
                    // no timeout fires within a check (DesignUnderTest.ASK_TIMEOUT), so its bookkeeping is ignored
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(
                            "java.util.concurrent.CompletableFuture$Delayer",
                            "java.util.concurrent.CompletableFuture$Timeout",
                            "java.util.concurrent.CompletableFuture$Canceller",
                            "java.util.concurrent.ScheduledThreadPoolExecutor",
                            "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask",
                            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue").allMethods().ignore());
        }

        @Override
        int runsPerScenario(InMemoryDesign variant) {
            return variant.execution() == Design.Execution.OWN_THREADS ? Math.max(1, INTERLEAVINGS / 2) : INTERLEAVINGS;
        }

        @Override
        List<Workload> workloads(InMemoryDesign variant) {
            return Workload.critical(Contract.of(variant));
        }
    };

    static final int DEFAULT_INTERLEAVINGS = 100;
    /** Iterations of one loop in one call before the model checker reports it as never ending (Lincheck's: 50). */
    static final int LOOP_BOUND = 10_000;
    static final int INTERLEAVINGS = Seeds.intProperty("oversell.lincheck.interleavings", DEFAULT_INTERLEAVINGS);

    final String label;

    LincheckMode(String label) {
        this.label = label;
    }

    /**
     * The command that runs {@code design}'s checks again with this run's bounds (Lincheck's exploration is
     * deterministic given them).
     */
    static String reproduce(String variant) {
        return Reproduce.command(LincheckSuite.class, Designs.ONLY + "=" + variant,
                "oversell.lincheck.interleavings=" + INTERLEAVINGS);
    }

    abstract Options<?, ?> options(InMemoryDesign variant);

    /** Interleavings per scenario at most. */
    abstract int runsPerScenario(InMemoryDesign variant);

    /** What this mode runs on {@code design}, in order (a design that takes orders meets orders too). */
    abstract List<Workload> workloads(InMemoryDesign variant);

    /**
     * The options for one check of {@code workloads}: each critical scenario (Lincheck runs them in order, as built
     * in {@code scenarios}), each judged against the sequential specification; no random scenario.
     */
    Options<?, ?> options(InMemoryDesign variant, List<Workload> workloads, Map<Workload, ExecutionScenario> scenarios) {
        Options<?, ?> options = options(variant).sequentialSpecification(Contract.of(variant).specification)
                .verifier(CountingVerifier.class).iterations(0);
        workloads.forEach(workload -> options.addCustomScenario(scenarios.get(workload)));
        return options;
    }
}
