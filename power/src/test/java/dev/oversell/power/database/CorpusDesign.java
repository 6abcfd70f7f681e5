package dev.oversell.power.database;

import dev.oversell.design.DatabaseVariant;
import dev.oversell.store.Engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One design of the database corpus and what the suites must make of it on each engine it names. Every design
 * is declared with the claim its author believed, "never oversells", so the suites judge it unchanged: a known
 * bug must fail that claim on each engine that catches it, and hold on each engine where it is measured to be
 * refused or impossible; a correct twin must hold on every engine it names. An engine a design does not name is
 * not run for it. By default each design runs on {@link #byDefault()}, a subset chosen so that the corpus fits the
 * build's time (see {@link DatabaseCorpus}); {@code -Doversell.power.everyEngine=true} runs it on every engine it names.
 */
sealed interface CorpusDesign {

    /** What the suites must say of a design on one engine. */
    enum Expected {
        /** "the claim agrees with what was measured" fails: the suites caught the bug. */
        CAUGHT,
        /** That test passes: the design holds there (a twin, or a bug the engine refuses). */
        HELD
    }

    DatabaseVariant design();

    /** What the suites must say on {@code engine}; empty if the design is not run there. */
    Optional<Expected> on(Engine engine);

    /**
     * The engines it runs on unless every engine is asked for: a subset of those it names, empty for a design too
     * slow for the default build (it says why in {@link DatabaseCorpus}).
     */
    Set<Engine> byDefault();

    default String name() {
        return design().name();
    }

    /** Whether it runs on {@code engine} in this run: by default, or on every engine it names. */
    default boolean runsOn(Engine engine, boolean everyEngine) {
        return on(engine).isPresent() && (everyEngine || byDefault().contains(engine));
    }

    private static Set<Engine> checkedDefault(String name, Set<Engine> byDefault, Set<Engine> named) {
        if (!named.containsAll(byDefault)) {
            throw new IllegalArgumentException(name + ": its default engines " + byDefault + " must be some of those it"
                    + " names, " + named);
        }
        return Set.copyOf(byDefault);
    }

    /** A design with a bug its author did not see, named in {@code bug}. */
    record KnownBug(DatabaseVariant design, String bug, Set<Engine> caughtOn, Set<Engine> heldOn,
                    Set<Engine> byDefault) implements CorpusDesign {
        public KnownBug {
            caughtOn = Set.copyOf(caughtOn);
            heldOn = Set.copyOf(heldOn);
            byDefault = checkedDefault(design.name(), byDefault,
                    Stream.concat(caughtOn.stream(), heldOn.stream()).collect(Collectors.toSet()));
            if (caughtOn.isEmpty()) {
                throw new IllegalArgumentException(design.name() + ": a known bug names the engines that must catch it");
            }
            if (caughtOn.stream().anyMatch(heldOn::contains)) {
                throw new IllegalArgumentException(design.name() + ": an engine cannot both catch and hold it");
            }
        }

        @Override
        public Optional<Expected> on(Engine engine) {
            return caughtOn.contains(engine) ? Optional.of(Expected.CAUGHT)
                    : heldOn.contains(engine) ? Optional.of(Expected.HELD) : Optional.empty();
        }
    }

    /** A correct design, the twin of the bugs it names, that must hold on every engine in {@code heldOn}. */
    record CorrectTwin(DatabaseVariant design, List<String> twinOf, Set<Engine> heldOn, Set<Engine> byDefault)
            implements CorpusDesign {
        public CorrectTwin {
            twinOf = List.copyOf(twinOf);
            heldOn = Set.copyOf(heldOn);
            byDefault = checkedDefault(design.name(), byDefault, heldOn);
        }

        @Override
        public Optional<Expected> on(Engine engine) {
            return heldOn.contains(engine) ? Optional.of(Expected.HELD) : Optional.empty();
        }
    }
}
