package dev.oversell.power;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Design;
import dev.oversell.engine.Engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One design of a corpus, in memory or over a database, and what the checks must make of it, read from its class's
 * one declaration: {@link KnownBug} or {@link CorrectTwin}, and {@link RunsByDefault}. Both corpora
 * ({@link Corpus}, {@code database.DatabaseCorpus}) are lists of these, and every power test asks them the same
 * questions: what a family must say of the design ({@link #expected}), and whether it runs in this build
 * ({@link #runs}).
 *
 * <p>Settings: {@value #THOROUGH}{@code =true} (the {@code thorough} profile) runs every design on every family and
 * engine its entry names, jcstress on every scenario; {@value #ONLY}{@code =NAME,...} runs only those designs, as
 * thoroughly.
 */
public record CorpusEntry(Design design, Class<?> type) {

    /** Runs every design, on every engine and scenario. */
    public static final String THOROUGH = "oversell.power.thorough";
    /** Runs only the designs named, thoroughly. */
    public static final String ONLY = "oversell.power.design";

    /** What a family must say of a design: catch it, or let it hold. */
    public enum Expected { CAUGHT, HELD }

    public CorpusEntry {
        if (type.isAnnotationPresent(KnownBug.class) == type.isAnnotationPresent(CorrectTwin.class)) {
            throw new IllegalArgumentException(type.getSimpleName() + " must carry exactly one of @KnownBug and"
                    + " @CorrectTwin");
        }
    }

    public String name() {
        return design.name();
    }

    public Optional<KnownBug> bug() {
        return Optional.ofNullable(type.getAnnotation(KnownBug.class));
    }

    public Optional<CorrectTwin> twin() {
        return Optional.ofNullable(type.getAnnotation(CorrectTwin.class));
    }

    /** Whether {@code family} judges this kind of design: the database family database designs, the others the rest. */
    public boolean judgedBy(Family family) {
        return family.perEngine == (design instanceof DatabaseDesign);
    }

    /** The engines its entry names (where it must be caught or hold); empty for an in-memory design. */
    public Set<Engine> engines() {
        Set<Engine> named = new LinkedHashSet<>();
        bug().ifPresent(b -> {
            named.addAll(List.of(b.caughtOn()));
            named.addAll(List.of(b.heldOn()));
        });
        twin().ifPresent(t -> named.addAll(List.of(t.heldOn())));
        return named;
    }

    /**
     * What {@code family} must say of it ({@code engine}: the database family's, else null); empty where nothing is
     * expected: a bug the family is not listed for (a limit measured and said), an engine the entry does not name.
     */
    public Optional<Expected> expected(Family family, Engine engine) {
        if (!judgedBy(family) || family.perEngine != (engine != null)) {
            return Optional.empty();
        }
        if (twin().isPresent()) {
            return family.perEngine && !List.of(twin().get().heldOn()).contains(engine) ? Optional.empty()
                    : Optional.of(Expected.HELD);
        }
        KnownBug bug = bug().orElseThrow();
        if (!family.perEngine) {
            return List.of(bug.caughtBy()).contains(family) ? Optional.of(Expected.CAUGHT) : Optional.empty();
        }
        return List.of(bug.caughtOn()).contains(engine) ? Optional.of(Expected.CAUGHT)
                : List.of(bug.heldOn()).contains(engine) ? Optional.of(Expected.HELD) : Optional.empty();
    }

    /**
     * Whether {@code family} judges it in this build (on {@code engine}, for the database family): by default if
     * {@link RunsByDefault} says so; thoroughly, or named in {@value #ONLY}, wherever its entry names.
     */
    public boolean runs(Family family, Engine engine) {
        if (!judgedBy(family) || family.perEngine && !engines().contains(engine)) {
            return false;
        }
        List<String> only = only();
        if (!only.isEmpty()) {
            return only.contains(name());
        }
        if (Boolean.getBoolean(THOROUGH)) {
            return true;
        }
        RunsByDefault byDefault = type.getAnnotation(RunsByDefault.class);
        return byDefault != null && List.of(byDefault.value()).contains(family)
                && (!family.perEngine || List.of(byDefault.engines()).contains(engine));
    }

    /** The scenario a correct twin runs by default under jcstress: the last unit, the race every oversell needs. */
    static final String TWIN_SCENARIOS = "LastUnit";

    /**
     * The jcstress scenarios it runs in this build: a known bug's own by default, a twin's own or else {@value #TWIN_SCENARIOS};
     * every scenario ({@code all}) thoroughly, or for a design named in {@value #ONLY}.
     */
    public String scenarios() {
        if (Boolean.getBoolean(THOROUGH) || !only().isEmpty()) {
            return "all";
        }
        String[] own = bug().map(KnownBug::scenarios).orElseGet(() -> twin().orElseThrow().scenarios());
        return own.length > 0 ? String.join(",", own) : TWIN_SCENARIOS;
    }

    /** The designs {@value #ONLY} names, if any. */
    static List<String> only() {
        return Arrays.stream(System.getProperty(ONLY, "").split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .toList();
    }

    /** The names of {@code entries}. */
    static List<String> names(Stream<CorpusEntry> entries) {
        return entries.map(CorpusEntry::name).toList();
    }
}
