package dev.oversell.properties.concurrency;

import dev.oversell.catalogue.Variant;
import dev.oversell.properties.Seeds;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * Lincheck's two strategies, with the bounds Oversell runs them at. Both generate scenarios of 2 threads x 2
 * operations, with one operation before and one after; on a failure Lincheck minimises the scenario.
 * Scale with {@code -Doversell.lincheck.iterations=N} (default 15) for a design review.
 */
enum LincheckMode {

    /** Explores thread switches deterministically; needs every step on threads Lincheck controls. */
    MODEL_CHECKING("model checking") {
        @Override
        Options<?, ?> options() {
            return configure(new ModelCheckingOptions()).invocationsPerIteration(1_000);
        }

        @Override
        boolean appliesTo(Variant variant) {
            return variant.execution() == Variant.Execution.CALLER_THREAD;
        }
    },

    /** Runs the scenarios on real threads, many times; works whatever threads the variant uses. */
    STRESS("stress") {
        @Override
        Options<?, ?> options() {
            return configure(new StressOptions()).invocationsPerIteration(1_000);
        }

        @Override
        boolean appliesTo(Variant variant) {
            return true;
        }
    };

    static final int ITERATIONS = Seeds.intProperty("oversell.lincheck.iterations", 15);

    final String label;

    LincheckMode(String label) {
        this.label = label;
    }

    abstract Options<?, ?> options();

    abstract boolean appliesTo(Variant variant);

    String notApplicableBecause() {
        return "the variant runs its calls on its own threads (actor pool), which Lincheck's model checker does"
                + " not schedule; it is covered by stress mode and jcstress instead";
    }

    private static <O extends Options<O, ?>> O configure(O options) {
        return options.iterations(ITERATIONS).threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .sequentialSpecification(SpecificationOperations.class);
    }
}
