package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.JudgedDesign;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The verdicts of one run, Hermitage-style, as two tables so that neither is mostly "n/a":
 * <ul>
 *   <li>in-memory designs: one row each, a column per family of checks (Lincheck) or per cell of a family shown
 *       cell by cell (jcstress: one per scenario);</li>
 *   <li>database designs: one row each, and per engine their claims and a line per family of checks
 *       (interleavings, load, 2 instances: {@link EngineCells}); a cluster design (several node processes over
 *       the database) is a row of this table too, with its one family, the cluster's faults.</li>
 * </ul>
 * Each cell is {@link Cell#of} the observations of that design, family (and engine or scenario), with counts and a
 * link to its evidence. Built from one {@link RunEvidence} and nothing else: the rows are the designs the run's
 * families recorded, with their claims; a family is read the same way whichever it is. A cell is made from the
 * observations of one unit of a shard ({@link dev.oversell.run.Shard}), so the tables are the same whether a run's
 * units were measured in one folder or in several shards' folders merged ({@link MergedRuns}).
 */
final class VerdictMatrix {

    static final String IN_MEMORY = "in-memory";
    static final String DATABASE = "database";
    static final String CLUSTER = JudgedDesign.CLUSTER;
    static final String LOCKED = JudgedDesign.LOCKED;
    static final String QUEUED = JudgedDesign.QUEUED;
    /** The kinds judged by faults of their own, each with the families its rows show. */
    private static final Map<String, Set<Family>> FAULTED = Map.of(CLUSTER, Families.CLUSTER, LOCKED, Families.LOCKED,
            QUEUED, Families.QUEUED);

    /** The in-memory table's check columns. */
    final List<Column> inMemoryColumns = new ArrayList<>();
    final Map<JudgedDesign, Map<Column, Cell>> inMemory = new LinkedHashMap<>();
    /** The database table's engines (keys: h2, postgresql, ...), in the order the designs' claims name them. */
    final List<String> engines = new ArrayList<>();
    /** Each engine's version, as the checks recorded it, by key. */
    final Map<String, String> engineVersions = new LinkedHashMap<>();
    final Map<JudgedDesign, Map<String, EngineCells>> database = new LinkedHashMap<>();
    /** Per design and family, the smallest anomaly caught (of any engine), in table order. */
    final List<Counterexample> counterexamples = new ArrayList<>();
    /** Observations of checks that judge no design of the run (e.g. the actor runtime's own guarantees). */
    final List<Observation> otherChecks = new ArrayList<>();

    static VerdictMatrix of(RunEvidence run) {
        VerdictMatrix m = new VerdictMatrix();
        List<JudgedDesign> designs = run.designs();
        for (JudgedDesign design : designs) {
            if (!List.of(IN_MEMORY, DATABASE, CLUSTER, LOCKED, QUEUED).contains(design.kind())) {
                throw new RefusedEvidence("the design " + design.name() + " is of kind '" + design.kind()
                        + "': this report knows '" + IN_MEMORY + "', '" + DATABASE + "', '" + CLUSTER + "', '"
                        + LOCKED + "' and '" + QUEUED + "'");
            }
        }
        Set<String> names = new LinkedHashSet<>();
        designs.forEach(d -> names.add(d.name()));
        List<Observation> all = run.observations();
        all.stream().filter(o -> !names.contains(o.design())).forEach(m.otherChecks::add);
        Map<String, Map<Family, String>> byRun = run.familyLinks();
        Function<Observation, String> familyLinks = o -> byRun.getOrDefault(o.runId(), Map.of()).get(o.family());
        m.inMemoryTable(designs.stream().filter(d -> d.kind().equals(IN_MEMORY)).toList(), all, familyLinks);
        m.databaseTable(java.util.stream.Stream.concat(designs.stream().filter(d -> d.kind().equals(DATABASE)),
                designs.stream().filter(d -> FAULTED.containsKey(d.kind()))).toList(), all,
                familyLinks); // the rows of designs judged by faults of their own last
        return m;
    }

    private void inMemoryTable(List<JudgedDesign> designs, List<Observation> all, Function<Observation, String> links) {
        List<Observation> observed = of(designs, all);
        for (Family family : families(Families.IN_MEMORY, observed)) {
            List<String> cells = Families.columnPerCell(family) ? observed.stream().filter(o -> o.family() == family)
                    .map(Observation::cell).distinct().toList() : List.of();
            if (cells.isEmpty()) {
                inMemoryColumns.add(new Column(family, ""));
            } else {
                cells.forEach(cell -> inMemoryColumns.add(new Column(family, cell)));
            }
        }
        for (JudgedDesign design : designs) {
            Claim claim = claim(design, JudgedDesign.key(Deployment.SINGLE_INSTANCE));
            Map<Column, Cell> row = new LinkedHashMap<>();
            for (Column column : inMemoryColumns) {
                List<Observation> group = select(observed, o -> o.design().equals(design.name()) && column.holds(o));
                row.put(column, Cell.of(group, column.family(), claim, familyLink(group, links)));
            }
            inMemory.put(design, row);
            for (Family family : families(Families.IN_MEMORY, observed)) {
                counterexample(design, Families.label(family),
                        select(observed, o -> o.design().equals(design.name()) && o.family() == family), links);
            }
        }
    }

    private void databaseTable(List<JudgedDesign> designs, List<Observation> all, Function<Observation, String> links) {
        List<Observation> observed = of(designs, all);
        Set<String> keys = new LinkedHashSet<>();
        designs.forEach(d -> d.claims().keySet().stream().filter(k -> k.contains("/"))
                .forEach(k -> keys.add(k.substring(0, k.indexOf('/')))));
        observed.stream().map(Observation::engine).filter(Objects::nonNull).forEach(e -> keys.add(engineKey(e)));
        engines.addAll(keys);
        observed.stream().filter(o -> o.engine() != null && o.engineVersion() != null)
                .forEach(o -> engineVersions.putIfAbsent(engineKey(o.engine()), o.engineVersion()));
        Set<Family> databaseFamilies = families(Families.DATABASE,
                of(designs.stream().filter(d -> d.kind().equals(DATABASE)).toList(), observed));
        Map<String, Set<Family>> faultedFamilies = new HashMap<>();
        FAULTED.forEach((kind, shown) -> faultedFamilies.put(kind, families(shown,
                of(designs.stream().filter(d -> d.kind().equals(kind)).toList(), observed))));
        for (JudgedDesign design : designs) {
            Set<Family> families = faultedFamilies.getOrDefault(design.kind(), databaseFamilies);
            Map<String, EngineCells> row = new LinkedHashMap<>();
            for (String engine : engines) {
                List<EngineCells.Labelled> checks = new ArrayList<>();
                for (Family family : families) {
                    if (!Families.onEngine(family, engine)) {
                        continue;
                    }
                    Claim claim = claim(design, engine + "/" + JudgedDesign.key(Families.deployment(family)));
                    List<Observation> group = select(observed, o -> o.design().equals(design.name())
                            && o.family() == family && o.engine() != null && engineKey(o.engine()).equals(engine));
                    checks.add(new EngineCells.Labelled(family, Cell.of(group, family, claim, familyLink(group, links))));
                }
                boolean observedHere = observed.stream().anyMatch(o -> o.design().equals(design.name())
                        && o.engine() != null && engineKey(o.engine()).equals(engine));
                row.put(engine, new EngineCells(claim(design, engine + "/" + JudgedDesign.key(Deployment.SINGLE_INSTANCE)),
                        claim(design, engine + "/" + JudgedDesign.key(Deployment.SHARED_STORE)), checks, observedHere));
            }
            database.put(design, row);
            for (Family family : families) {
                counterexample(design, Families.label(family),
                        select(observed, o -> o.design().equals(design.name()) && o.family() == family), links);
            }
        }
    }

    /**
     * The smallest example of the most serious anomaly in {@code group}, if any has an example; on a database,
     * the smallest of every engine's (of equal ones, the first engine's in the table's order), naming the engines
     * where the same finding was seen, in the table's order: whatever order the observations came in (one run
     * folder, or several shards' of one run).
     */
    private void counterexample(JudgedDesign design, String check, List<Observation> group,
                                Function<Observation, String> links) {
        group.stream().filter(o -> o.checked() && o.finding().anomaly() && o.example() != null)
                .min(Comparator.comparingInt((Observation o) -> o.finding().ordinal())
                        .thenComparingInt(o -> o.example().length()).thenComparingInt(this::engineOrder))
                .ifPresent(shown -> {
                    String engine = shown.engine() == null ? null : engineLabel(engineKey(shown.engine()));
                    List<String> alsoOn = group.stream().filter(o -> o.checked() && o.finding() == shown.finding()
                            && o.engine() != null).sorted(Comparator.comparingInt(this::engineOrder))
                            .map(o -> engineLabel(engineKey(o.engine())))
                            .filter(e -> !e.equals(engine)).distinct().toList();
                    String where = (engine == null ? check : check + ", " + engine
                            + (alsoOn.isEmpty() ? "" : " (also seen on " + String.join(", ", alsoOn) + ")"))
                            + (shown.accepted() == null ? "" : "; accepted by the design: it "
                            + shown.accepted().words());
                    counterexamples.add(new Counterexample(design.name(), where, shown.cell(), shown.finding(),
                            shown.example(), shown.reproduce(),
                            shown.evidenceFile() != null ? shown.evidenceFile() : links.apply(shown)));
                });
    }

    /** Where a cell of {@code group} links when none of its observations names a file: its family's record in its run. */
    private static String familyLink(List<Observation> group, Function<Observation, String> links) {
        return group.isEmpty() ? null : links.apply(group.get(0));
    }

    /** An observation's engine's place among the table's engines (in memory, none: -1). */
    private int engineOrder(Observation o) {
        return o.engine() == null ? -1 : engines.indexOf(engineKey(o.engine()));
    }

    /** The table's usual families and any other family that observed its designs, in the families' order. */
    private static Set<Family> families(Set<Family> usual, List<Observation> observed) {
        Set<Family> families = EnumSet.copyOf(usual);
        observed.forEach(o -> families.add(o.family()));
        return families;
    }

    private static List<Observation> of(List<JudgedDesign> designs, List<Observation> all) {
        Set<String> names = new LinkedHashSet<>();
        designs.forEach(d -> names.add(d.name()));
        return select(all, o -> names.contains(o.design()));
    }

    private static List<Observation> select(List<Observation> observations, Predicate<Observation> which) {
        return observations.stream().filter(which).toList();
    }

    /** A design's recorded claim under {@code key}; a key it has no claim under claims nothing (n/a). */
    static Claim claim(JudgedDesign design, String key) {
        return design.claims().getOrDefault(key, Claim.NOT_APPLICABLE);
    }

    /** An engine as observations name it ("PostgreSQL", its label) as claims key it ("postgresql"). */
    static String engineKey(String engine) {
        for (Engine known : Engine.values()) {
            if (known.label().equalsIgnoreCase(engine) || known.key().equalsIgnoreCase(engine)) {
                return known.key();
            }
        }
        return engine.toLowerCase(Locale.ROOT);
    }

    /**
     * An engine key as headers print it ("PostgreSQL"); a store that is not an SQL engine as its name is written
     * ("redis": "Redis"); another key this build does not know prints as it is.
     */
    static String engineLabel(String key) {
        for (Engine known : Engine.values()) {
            if (known.key().equals(key)) {
                return known.label();
            }
        }
        return key.equals("redis") ? "Redis" : key;
    }

    /** A claim as the tables print it: "never oversells", "may oversell". */
    static String words(Claim claim) {
        return switch (claim) {
            case NEVER_OVERSELLS -> "never oversells";
            case MAY_OVERSELL -> "may oversell";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    /** A claim in one word, where the table is tight: "never", "may". */
    static String word(Claim claim) {
        return switch (claim) {
            case NEVER_OVERSELLS -> "never";
            case MAY_OVERSELL -> "may";
            case NOT_APPLICABLE -> "n/a";
        };
    }
}
