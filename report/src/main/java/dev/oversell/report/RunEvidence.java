package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversell.judge.Observation;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.Power;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the run folders a report is made from hold, and nothing from anywhere else: usually one folder, else
 * the folders of one run's shards ({@link MergedRuns}). Every family's {@code <family>/observations.json} (the one
 * typed record, {@link Observations}: the JVM that measured, the designs judged with their claims and mechanisms, an
 * {@link Observation} per check, what it was run with) and the benchmarks' {@code jmh/ratios.json}. A folder's name
 * is its run's id and every file in it must carry it: evidence of another run is refused ({@link RefusedEvidence}),
 * never mixed in.
 *
 * @param sources    the run folders read, sorted by run id (one, or the shards of one run)
 * @param families   every family's record, by folder name (sorted), then by run id
 * @param benchmarks the JMH results of the run, or why there are none
 * @param power      the checks' power on the corpus of known bugs ({@code power/power.json}), null if not run
 * @param missing    the units of the run no folder took, by shard and family, in a partial report of several folders
 *                   asked for as one ({@code ReportMain --partial}); empty otherwise
 */
record RunEvidence(List<Source> sources, List<FamilyFile> families, Benchmarks benchmarks, Power power,
                   List<String> missing) {

    static final String OBSERVATIONS = "observations.json";
    static final String JMH = "jmh";
    static final String RATIOS = "ratios.json";

    /**
     * Of {@link RunReport#PARTIAL}, those a record's settings tell a partial run by: a shard, a chosen design, one
     * seed. Not the jcstress scenarios, which the stress module chooses itself by default (a record cannot tell that
     * from a choice), nor a test filter, which is not recorded; {@code ./verdicts} reads those from its arguments.
     */
    private static final List<String> RECORDED_CHOICES = List.of(Shard.SETTING, "oversell.design",
            "oversell.seed");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A run folder read: where it is, its run id (the folder's name), and the shards its families ran
     * ({@link Shard}: {@code 1/1} for a whole run; none known for records that do not say).
     */
    record Source(Path folder, String runId, List<Shard> shards) {
    }

    /**
     * One family's {@code observations.json}: the name of the folder it is in, the record, and where a cell of the
     * family links when none of its observations names a file (its {@code summary.md} if it wrote one, else the
     * record; relative to where the report is written).
     */
    record FamilyFile(String folder, Observations record, String link) {
    }

    /**
     * The benchmarks of the run: the JVM of JMH's forks, the ratios ({@code jmh/ratios.json}'s {@code ratios}) and
     * the folder they are in, relative to where the report is written; or {@code none} saying why there are none.
     */
    record Benchmarks(Environment measuredOn, JsonNode ratios, String none, String dir) {

        boolean isEmpty() {
            return none != null;
        }
    }

    /** The report's run: the run id of its one folder, or of its folders joined with " + ". */
    String runId() {
        return sources.stream().map(Source::runId).collect(Collectors.joining(" + "));
    }

    /** Whether the report is made from several run folders ({@link MergedRuns}). */
    boolean merged() {
        return sources.size() > 1;
    }

    /**
     * The settings that make this report a partial run's, as its records say their families were run with
     * ({@link RunReport#partial(java.util.function.Function)}), each once; empty when every record is of a full run.
     * Only the settings no module sets by default are read ({@link #RECORDED_CHOICES}); of several folders, not
     * their shards, whose units were found all there ({@link MergedRuns}), else said {@link #missing}.
     */
    List<String> partial() {
        Set<String> partial = new java.util.TreeSet<>();
        for (FamilyFile family : families) {
            RunSettings settings = family.record().settings();
            if (settings != null) {
                partial.addAll(RunReport.partial(name -> !RECORDED_CHOICES.contains(name) ? null
                        : !name.equals(Shard.SETTING) ? settings.measuring().get(name)
                        : merged() ? null : settings.shard().toString()));
            }
        }
        if (!missing.isEmpty()) {
            partial.add(ReportMain.PARTIAL);
        }
        return List.copyOf(partial);
    }

    /** Reads {@code folder}: refuses a file of another run, and a folder with no observations at all. */
    static RunEvidence read(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RefusedEvidence("no run folder " + dir + ": run the suites first (mvn verify), or name a run"
                    + " that exists (-Doversell.runId=<id>, one of the folders in " + dir.getParent() + ")");
        }
        String runId = dir.getFileName().toString();
        List<FamilyFile> families = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                Path file = child.resolve(OBSERVATIONS);
                if (Files.isRegularFile(file)) {
                    String family = child.getFileName().toString();
                    String summary = family + "/summary.md";
                    families.add(new FamilyFile(family, observations(file, runId),
                            Files.isRegularFile(dir.resolve(summary)) ? summary : family + "/" + OBSERVATIONS));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (families.isEmpty()) {
            throw new RefusedEvidence("no */" + OBSERVATIONS + " in " + dir + ": no family of checks wrote"
                    + " anything in run " + runId + ", so there is nothing to report");
        }
        List<Shard> shards = families.stream().map(f -> f.record().settings()).filter(Objects::nonNull)
                .map(RunSettings::shard).distinct().sorted(Comparator.comparingInt(Shard::count)
                        .thenComparingInt(Shard::index)).toList();
        return new RunEvidence(List.of(new Source(dir, runId, shards)), List.copyOf(families), benchmarks(dir, runId),
                power(dir, runId), List.of());
    }

    /**
     * Reads {@code folders}: one is {@link #read(Path)}; several are the shards of one run, merged
     * ({@link MergedRuns#of}), or refused, as they are when they do not hold every unit of the run unless
     * {@code partial} asks for a report of what they hold.
     */
    static RunEvidence read(List<Path> folders, boolean partial) {
        if (folders.size() == 1) {
            return read(folders.get(0));
        }
        return MergedRuns.of(folders.stream().map(RunEvidence::read).toList(), partial);
    }

    /** Reads {@code folders}, all of a run's units: {@link #read(List, boolean)}. */
    static RunEvidence read(List<Path> folders) {
        return read(folders, false);
    }

    private static Observations observations(Path file, String runId) {
        Observations record;
        try {
            record = JSON.readValue(file.toFile(), Observations.class);
        } catch (IOException e) {
            throw new RefusedEvidence("cannot read " + file + " as observations (dev.oversell.run.Observations): "
                    + e.getMessage());
        }
        if (!runId.equals(record.runId())) {
            throw RefusedEvidence.ofAnotherRun("the evidence file", file, record.runId(), runId);
        }
        for (Observation o : record.observations()) {
            if (!runId.equals(o.runId())) {
                throw RefusedEvidence.ofAnotherRun("the evidence file", file, o.runId() + " (in an observation of "
                        + o.design() + ", " + o.cell() + ")", runId);
            }
        }
        return record;
    }

    private static Power power(Path dir, String runId) {
        Path file = dir.resolve(Power.FOLDER).resolve(Power.FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Power power;
        try {
            power = JSON.readValue(file.toFile(), Power.class);
        } catch (IOException e) {
            throw new RefusedEvidence("cannot read " + file + " as dev.oversell.run.Power: " + e.getMessage());
        }
        if (!runId.equals(power.runId())) {
            throw RefusedEvidence.ofAnotherRun("the power file", file, power.runId(), runId);
        }
        return power;
    }

    private static Benchmarks benchmarks(Path dir, String runId) {
        Path jmh = dir.resolve(JMH);
        Path file = jmh.resolve(RATIOS);
        if (!Files.isDirectory(jmh)) {
            return new Benchmarks(null, JSON.createArrayNode(), "no benchmarks in this run", JMH);
        }
        if (!Files.isRegularFile(file)) {
            return new Benchmarks(null, JSON.createArrayNode(), "no benchmarks in this run: " + JMH + "/ has no "
                    + RATIOS + " (the benchmark run did not finish)", JMH);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new RefusedEvidence("cannot read " + file + ": " + e.getMessage());
        }
        String itsRunId = root.path("runId").isTextual() ? root.path("runId").asText() : null;
        if (!runId.equals(itsRunId)) {
            throw RefusedEvidence.ofAnotherRun("stale benchmark results", file, itsRunId, runId);
        }
        JsonNode ratios = root.path("ratios");
        Environment measuredOn = root.path("measuredOn").isObject()
                ? JSON.convertValue(root.path("measuredOn"), Environment.class) : null;
        if (!ratios.isArray() || ratios.isEmpty()) {
            return new Benchmarks(measuredOn, JSON.createArrayNode(), "no benchmarks in this run: " + JMH + "/"
                    + RATIOS + " holds no result", JMH);
        }
        return new Benchmarks(measuredOn, ratios, null, JMH);
    }

    /** Every design any family judged, once, in the order the families (by folder name) list them. */
    List<JudgedDesign> designs() {
        Map<String, JudgedDesign> designs = new LinkedHashMap<>();
        Map<String, String> recordedBy = new LinkedHashMap<>();
        for (FamilyFile family : families) {
            for (JudgedDesign design : family.record().designs()) {
                JudgedDesign earlier = designs.putIfAbsent(design.name(), design);
                recordedBy.putIfAbsent(design.name(), family.folder());
                if (earlier != null && (!earlier.kind().equals(design.kind())
                        || !earlier.claims().equals(design.claims()))) {
                    throw new RefusedEvidence("the design " + design.name() + " is recorded with different claims by "
                            + recordedBy.get(design.name()) + "/" + OBSERVATIONS + " (" + earlier.kind() + ", "
                            + earlier.claims() + ") and " + family.folder() + "/" + OBSERVATIONS + " (" + design.kind()
                            + ", " + design.claims() + ") of run " + runId());
                }
            }
        }
        return List.copyOf(designs.values());
    }

    /** Every observation of every family. */
    List<Observation> observations() {
        return families.stream().flatMap(f -> f.record().observations().stream()).toList();
    }

    /**
     * Where a cell links when none of its observations names an evidence file, by the run the observations are of
     * and their family: the {@link FamilyFile#link} of the first family folder of that run that observed the family
     * (so that a merged report's cell leads into the folder of the shard that measured it).
     */
    Map<String, Map<Observation.Family, String>> familyLinks() {
        Map<String, Map<Observation.Family, String>> links = new LinkedHashMap<>();
        for (FamilyFile family : families) {
            Map<Observation.Family, String> ofRun = links.computeIfAbsent(family.record().runId(),
                    run -> new EnumMap<>(Observation.Family.class));
            family.record().observations().forEach(o -> ofRun.putIfAbsent(o.family(), family.link()));
        }
        return links;
    }

    /**
     * Copies every file of the run folder into {@code out} (keeping its place: {@code lincheck/...},
     * {@code database/...}), so that every link of a report written into {@code out} resolves there; of several run
     * folders, each into {@code out/<run id>/}, where the merged report's links lead ({@link MergedRuns}).
     */
    void copyInto(Path out) throws IOException {
        for (Source source : sources) {
            copy(source.folder(), merged() ? out.resolve(source.runId()) : out);
        }
    }

    private static void copy(Path folder, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (target.equals(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.startsWith(target)) {
                    continue; // the report's own folder, when it is inside the run folder
                }
                Path to = target.resolve(folder.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * The environments the families and the benchmarks were measured on, by the family's folder name; a family
     * measured on different JVMs in different run folders (shards on different machines), once per run:
     * {@code database (run id)}.
     */
    Map<String, Environment> measuredOn() {
        Map<String, Set<Environment>> kinds = new LinkedHashMap<>();
        families.forEach(f -> kinds.computeIfAbsent(f.folder(), k -> new LinkedHashSet<>()).add(f.record().measuredOn()));
        Map<String, Environment> measured = new LinkedHashMap<>();
        families.forEach(f -> measured.put(kinds.get(f.folder()).size() == 1 ? f.folder()
                : f.folder() + " (" + f.record().runId() + ")", f.record().measuredOn()));
        if (benchmarks.measuredOn() != null) {
            measured.put(JMH, benchmarks.measuredOn());
        }
        measured.values().removeIf(Objects::isNull);
        return measured;
    }
}
