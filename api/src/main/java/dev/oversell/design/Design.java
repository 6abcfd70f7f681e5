package dev.oversell.design;

/**
 * One design under judgement: its name, its class, how to build it, what it claims, and how its calls execute
 * (which decides which checkers can drive it). A design is one of two kinds, each built by its own builder so
 * that an incoherent entry cannot be written:
 * <ul>
 *   <li>{@link InMemoryDesign}: state in the JVM; one claim, for a single instance
 *       ({@code InMemoryDesign.named("mine").of(Mine.class, Mine::new)...});</li>
 *   <li>{@link DatabaseDesign}: state in a database; a claim per engine and deployment, because the same SQL is
 *       safe on one engine and not on another ({@code DatabaseDesign.named("mine").script(...)...}).</li>
 * </ul>
 * A claim is what the design's author asserts; the checkers measure it and fail the build on a mismatch.
 * Designs reach the checkers through a {@link DesignProvider}; see {@link Designs}.
 */
public sealed interface Design permits InMemoryDesign, DatabaseDesign {

    /** How a design's calls run, as far as a checker that controls threads is concerned. */
    enum Execution {
        /** Entirely on the calling thread: Lincheck's model checker can explore its interleavings. */
        CALLER_THREAD,
        /** Handed to threads of the design's own (actor pool); stress-tested, model-checked on a direct executor. */
        OWN_THREADS,
        /** Statements on a database: checked by exhaustive interleavings and load runs on each engine. */
        DATABASE
    }

    /** The name every report, evidence file and reproduce command uses; unique among all providers' designs. */
    String name();

    /** The class that implements the design (for the report, and for finding its source). */
    Class<?> type();

    /** One line on how the design coordinates buyers, for the report. */
    String mechanism();

    Execution execution();

    default boolean inMemory() {
        return this instanceof InMemoryDesign;
    }

    /** Requires a name a file, a JVM property and a Maven argument can carry as it is. */
    static String checkedName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("a design's name is lower-case letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit: got '" + name + "'");
        }
        return name;
    }
}
