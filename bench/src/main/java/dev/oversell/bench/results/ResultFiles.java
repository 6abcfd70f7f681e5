package dev.oversell.bench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The three files of a run, in one folder (by default {@code jmh/} in the run's folder,
 * {@code target/oversell/runs/<run id>/jmh/}, where the report of that run reads them):
 * <ul>
 *   <li>{@code results.json}: every JMH result of the run in JMH's own JSON format (what {@code -rf json}
 *       writes), all groups, thread counts and engines merged into one array; rewritten after each JMH run so
 *       that an interrupted run keeps what it measured;</li>
 *   <li>{@code ratios.json}: a {@link RatiosFile}: the run's id, the forks' JVM and one {@link Ratio} per
 *       result;</li>
 *   <li>{@code summary.md}: {@link SummaryMarkdown}.</li>
 * </ul>
 */
public final class ResultFiles {

    private final Path folder;

    public ResultFiles(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    public Path folder() {
        return folder;
    }

    public Path writeJmhResults(Collection<RunResult> results) throws IOException {
        Path file = folder.resolve("results.json");
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        return file;
    }

    public Path writeRatios(RatiosFile ratios) throws IOException {
        Path file = folder.resolve("ratios.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), ratios);
        return file;
    }

    public Path writeSummary(String markdown) throws IOException {
        return Files.writeString(folder.resolve("summary.md"), markdown, StandardCharsets.UTF_8);
    }
}
