package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversell.judge.Observation;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.Power;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything one run folder holds, and nothing from anywhere else: every family's
 * {@code <family>/observations.json} (the one typed record, {@link Observations}: the JVM that measured, the
 * designs judged with their claims and mechanisms, an {@link Observation} per check) and the benchmarks'
 * {@code jmh/ratios.json}. The folder's name is the run's id and every file must carry it: evidence of another
 * run is refused ({@link RefusedEvidence}), never mixed in.
 *
 * @param folder     the run folder, {@code <runs>/<run id>/}
 * @param runId      the folder's name
 * @param families   every family's record, by folder name (sorted)
 * @param benchmarks the JMH results of this run, or why there are none
 * @param power      the checks' power on the corpus of known bugs ({@code power/power.json}), null if not run
 */
record RunEvidence(Path folder, String runId, List<FamilyFile> families, Benchmarks benchmarks, Power power) {

    static final String OBSERVATIONS = "observations.json";
    static final String JMH = "jmh";
    static final String RATIOS = "ratios.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One family's {@code observations.json}, with the name of the folder it is in. */
    record FamilyFile(String folder, Observations record) {
    }

    /**
     * The benchmarks of the run: the JVM of JMH's forks and the ratios ({@code jmh/ratios.json}'s
     * {@code ratios}), or {@code none} saying why there are none.
     */
    record Benchmarks(Environment measuredOn, JsonNode ratios, String none) {

        boolean isEmpty() {
            return none != null;
        }
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
                    families.add(new FamilyFile(child.getFileName().toString(), observations(file, runId)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (families.isEmpty()) {
            throw new RefusedEvidence("no */" + OBSERVATIONS + " in " + dir + ": no family of checks wrote"
                    + " anything in run " + runId + ", so there is nothing to report");
        }
        return new RunEvidence(dir, runId, List.copyOf(families), benchmarks(dir, runId), power(dir, runId));
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
            return new Benchmarks(null, JSON.createArrayNode(), "no benchmarks in this run");
        }
        if (!Files.isRegularFile(file)) {
            return new Benchmarks(null, JSON.createArrayNode(), "no benchmarks in this run: " + JMH + "/ has no "
                    + RATIOS + " (the benchmark run did not finish)");
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
                    + RATIOS + " holds no result");
        }
        return new Benchmarks(measuredOn, ratios, null);
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
                            + ", " + design.claims() + ") of run " + runId);
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
     * Where a cell of {@code family} links when none of its observations names an evidence file: the family
     * folder's {@code summary.md} if it wrote one, else its {@code observations.json} (both relative to the run
     * folder, as every link of the report is).
     */
    Map<Observation.Family, String> familyLinks() {
        Map<Observation.Family, String> links = new EnumMap<>(Observation.Family.class);
        for (FamilyFile family : families) {
            String summary = family.folder() + "/summary.md";
            String link = Files.isRegularFile(folder.resolve(summary)) ? summary : family.folder() + "/" + OBSERVATIONS;
            family.record().observations().forEach(o -> links.putIfAbsent(o.family(), link));
        }
        return links;
    }

    /**
     * Copies every file of the run folder into {@code out} (keeping its place: {@code lincheck/...},
     * {@code database/...}), so that every link of a report written into {@code out} resolves there.
     */
    void copyInto(Path out) throws IOException {
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

    /** The environments the families and the benchmarks were measured on, by the family's folder name. */
    Map<String, Environment> measuredOn() {
        Map<String, Environment> measured = new LinkedHashMap<>();
        families.forEach(f -> measured.put(f.folder(), f.record().measuredOn()));
        if (benchmarks.measuredOn() != null) {
            measured.put(JMH, benchmarks.measuredOn());
        }
        measured.values().removeIf(Objects::isNull);
        return measured;
    }
}
