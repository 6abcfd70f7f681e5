package dev.oversell.properties.concurrency;

import dev.oversell.design.InMemoryVariant;
import dev.oversell.design.Variants;
import dev.oversell.run.Reproduce;
import dev.oversell.design.Variant;
import dev.oversell.properties.Seeds;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

import java.util.List;
import java.util.Map;

/**
 * Lincheck's two strategies, with the bounds Oversell runs them at. Both apply to every in-memory variant:
 * a variant whose calls run on threads of its own is model-checked on a deterministic dispatcher
 * (an {@code ActorSystem} over the direct executor {@code Runnable::run}) and stress-tested on a real pool
 * ({@link VariantUnderTest}).
 *
 * <p>Bounds (system properties; {@code -Pthorough} raises them for a design review):
 * <ul>
 *   <li>{@code oversell.lincheck.interleavings}: interleavings the model checker explores per critical scenario at
 *       most, for a variant that runs on the caller's thread; a variant with threads of its own gets half of it
 *       (each of its interleavings runs the actor runtime's code too, several times as long). A scenario with
 *       fewer interleavings is explored exhaustively, and its evidence says so;</li>
 *   <li>{@code oversell.lincheck.stressRuns}: runs on real threads per random scenario;</li>
 *   <li>{@code oversell.lincheck.iterations}: random scenarios under stress, of {@value #RANDOM_THREADS} threads
 *       &times; {@value #RANDOM_OPERATIONS_PER_THREAD} operations, with one before and one after.</li>
 * </ul>
 */
enum LincheckMode {

    /** Explores thread switches deterministically: every interleaving of a small scenario, up to a bound. */
    MODEL_CHECKING("model checking", true) {
        @Override
        Options<?, ?> options(InMemoryVariant variant) {
            return new ModelCheckingOptions().invocationsPerIteration(runsPerScenario(variant))
                    // bookkeeping of the check, not code under test: no thread switch inside
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(Accounts.class.getName()).allMethods().ignore())
                    // the JDK's concurrent collections are linearizable: a call of theirs that runs none of the
                    // variant's code is one step, with switches before and after it, not inside; a call that runs
                    // the variant's code (computeIfAbsent's function, merge's) is explored inside, like the rest
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses("java.util.concurrent.ConcurrentHashMap")
                            .methods("get", "getOrDefault", "containsKey", "put", "putIfAbsent", "remove", "replace",
                                    "size", "isEmpty").treatAsAtomic())
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses("java.util.concurrent.ConcurrentLinkedQueue")
                            .methods("add", "offer", "poll", "peek", "isEmpty", "size").treatAsAtomic())
                    // the JDK's timer behind an ask's timeout runs on a JDK thread the model checker does not control;
                    // no timeout fires within a check (VariantUnderTest.ASK_TIMEOUT), so its bookkeeping is ignored
                    .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(
                            "java.util.concurrent.CompletableFuture$Delayer",
                            "java.util.concurrent.CompletableFuture$Timeout",
                            "java.util.concurrent.CompletableFuture$Canceller",
                            "java.util.concurrent.ScheduledThreadPoolExecutor",
                            "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask",
                            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue").allMethods().ignore());
        }

        @Override
        int runsPerScenario(InMemoryVariant variant) {
            return variant.execution() == Variant.Execution.OWN_THREADS ? Math.max(1, INTERLEAVINGS / 2) : INTERLEAVINGS;
        }

        @Override
        List<Workload> workloads() {
            return Workload.critical();
        }
    },

    /**
     * Runs random scenarios many times on real threads (a real pool for an actor), whatever the hardware does:
     * the shapes nobody wrote down. The critical shapes are the model checker's, which explores them far better
     * than repetition does (and jcstress repeats them on real threads by the million).
     */
    STRESS("stress", false) {
        @Override
        Options<?, ?> options(InMemoryVariant variant) {
            return new StressOptions().invocationsPerIteration(STRESS_RUNS);
        }

        @Override
        int runsPerScenario(InMemoryVariant variant) {
            return STRESS_RUNS;
        }

        @Override
        List<Workload> workloads() {
            return List.of(new Workload.Random());
        }
    };

    static final int INTERLEAVINGS = Seeds.intProperty("oversell.lincheck.interleavings", 40);
    static final int STRESS_RUNS = Seeds.intProperty("oversell.lincheck.stressRuns", 30);
    static final int RANDOM_SCENARIOS = Seeds.intProperty("oversell.lincheck.iterations", 5);
    static final int RANDOM_THREADS = 3;
    static final int RANDOM_OPERATIONS_PER_THREAD = 2;

    final String label;
    /** Whether the variant's own threads must be replaced by a deterministic dispatcher. */
    final boolean deterministic;

    LincheckMode(String label, boolean deterministic) {
        this.label = label;
        this.deterministic = deterministic;
    }

    /**
     * The command that runs {@code variant}'s checks again with this run's bounds (Lincheck's exploration is
     * deterministic given them).
     */
    static String reproduce(String variant) {
        return Reproduce.command(LincheckSuite.class, Variants.ONLY + "=" + variant,
                "oversell.lincheck.interleavings=" + INTERLEAVINGS, "oversell.lincheck.stressRuns=" + STRESS_RUNS,
                "oversell.lincheck.iterations=" + RANDOM_SCENARIOS);
    }

    abstract Options<?, ?> options(InMemoryVariant variant);

    /** Interleavings (model checking) or runs (stress) per scenario at most. */
    abstract int runsPerScenario(InMemoryVariant variant);

    /** What this mode runs, in order. */
    abstract List<Workload> workloads();

    /**
     * The options for one check of {@code workloads}: each critical scenario (Lincheck runs them in order, as built
     * in {@code scenarios}), then the random ones if listed, each judged against the sequential specification.
     */
    Options<?, ?> options(InMemoryVariant variant, List<Workload> workloads, Map<Workload, ExecutionScenario> scenarios) {
        Options<?, ?> options = options(variant).sequentialSpecification(SpecificationOperations.class)
                .verifier(CountingVerifier.class).iterations(0);
        for (Workload workload : workloads) {
            if (workload instanceof Workload.Critical) {
                options.addCustomScenario(scenarios.get(workload));
            } else {
                options.iterations(RANDOM_SCENARIOS).threads(RANDOM_THREADS)
                        .actorsPerThread(RANDOM_OPERATIONS_PER_THREAD).actorsBefore(1).actorsAfter(1);
            }
        }
        return options;
    }
}
