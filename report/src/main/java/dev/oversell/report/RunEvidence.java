package dev.oversell.report;

import dev.oversell.run.RunFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the suites measured in this run, read from where they wrote it: Lincheck, database and deployment in
 * the run's folder ({@link RunFolder}, {@code target/oversell/runs/<id>/}), jcstress under
 * {@code stress/target/oversell/}, JMH under {@code bench/target/oversell/} (these two move into the run folder
 * next). A suite that did not run leaves its part empty (and the report says so).
 */
record RunEvidence(JsonNode lincheck, JsonNode jcstress, JsonNode database, JsonNode deployment, JsonNode jmh,
                   String jcstressOptions, Map<String, Path> folders) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunEvidence read(Path root) throws IOException {
        Path run = RunFolder.dir();
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("lincheck", run.resolve("lincheck"));
        folders.put("jcstress", run.resolve("jcstress"));
        folders.put("database", run.resolve("database"));
        folders.put("deployment", run.resolve("deployment"));
        refuseOtherRuns(folders);
        folders.put("jmh", root.resolve("bench/target/oversell/jmh"));
        String options = Optional.of(folders.get("jcstress").resolve("summary.md")).filter(Files::exists)
                .map(RunEvidence::readQuietly).flatMap(md -> md.lines()
                        .filter(l -> l.startsWith("jcstress options:")).findFirst())
                .map(l -> l.replace("jcstress options:", "").replace("`", "").trim()).orElse(null);
        return new RunEvidence(array(folders.get("lincheck").resolve("verdicts.json")),
                array(folders.get("jcstress").resolve("summary.json")),
                array(folders.get("database").resolve("matrix.json")),
                array(folders.get("deployment").resolve("matrix.json")),
                array(folders.get("jmh").resolve("ratios.json")), options, folders);
    }

    /**
     * Every family's {@code observations.json} must carry this run's id: a report is a function of one run, and
     * a file left by another (an earlier build, a stale copy) is refused, not mixed in.
     */
    private static void refuseOtherRuns(Map<String, Path> folders) throws IOException {
        for (var folder : folders.entrySet()) {
            Path file = folder.getValue().resolve("observations.json");
            if (Files.exists(file)) {
                String runId = JSON.readTree(file.toFile()).path("runId").asText(null);
                if (!RunFolder.id().equals(runId)) {
                    throw new IllegalStateException("refusing " + file + ": it is evidence of run " + runId
                            + ", and this report is of run " + RunFolder.id());
                }
            }
        }
    }

    private static JsonNode array(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : JsonNodeFactory.instance.arrayNode();
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** Copies every evidence folder into {@code out} (as {@code lincheck/}, {@code jcstress/}, ...), so links resolve. */
    void copyInto(Path out) throws IOException {
        for (var entry : folders.entrySet()) {
            Path from = entry.getValue();
            if (!Files.isDirectory(from)) {
                continue;
            }
            Path to = out.resolve(entry.getKey());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** The text of an evidence file by its link (relative to a report folder), or empty. */
    String evidenceText(String link) {
        if (link == null) {
            return "";
        }
        int slash = link.indexOf('/');
        Path folder = folders.get(link.substring(0, slash));
        return folder == null ? "" : readQuietly(folder.resolve(link.substring(slash + 1)));
    }
}
