package dev.oversell.report;

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
 * What the suites measured in this run, read from where they wrote it: Lincheck, database and deployment
 * under {@code properties/target/oversell/}, jcstress under {@code stress/target/oversell/}, JMH under
 * {@code bench/target/oversell/}. A suite that did not run leaves its part empty (and the report says so).
 */
record RunEvidence(JsonNode lincheck, JsonNode jcstress, JsonNode database, JsonNode deployment, JsonNode jmh,
                   String jcstressOptions, Map<String, Path> folders) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunEvidence read(Path root) throws IOException {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("lincheck", root.resolve("properties/target/oversell/lincheck"));
        folders.put("jcstress", root.resolve("stress/target/oversell/jcstress"));
        folders.put("database", root.resolve("properties/target/oversell/database"));
        folders.put("deployment", root.resolve("properties/target/oversell/deployment"));
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
