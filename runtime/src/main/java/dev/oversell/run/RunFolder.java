package dev.oversell.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where one run's evidence goes: {@code <runs>/<run id>/}, one sub-folder per family of checks. Every JVM and
 * process of one build writes into the same folder, because they are all given the same id
 * ({@code -Doversell.runId}; Maven builds pass {@code ${maven.build.timestamp}}), and every evidence file
 * carries it, so a report made from the folder can refuse a file from another run.
 *
 * <ul>
 *   <li>{@code oversell.runId}: the id; without it, this JVM's start time (a run of its own).</li>
 *   <li>{@code oversell.runsDir}: the folder of runs; {@code target/oversell/runs} by default.</li>
 * </ul>
 */
public final class RunFolder {

    public static final String ID = "oversell.runId";
    public static final String RUNS = "oversell.runsDir";

    private static final String STARTED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).format(Instant.now());

    private RunFolder() {
    }

    /** This run's id. */
    public static String id() {
        String id = System.getProperty(ID);
        if (id == null || id.isBlank()) {
            return STARTED;
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a run id is letters, digits, '.', '_' and '-': got '" + id + "'");
        }
        return id;
    }

    /** The folder of every run. */
    public static Path runs() {
        return Path.of(System.getProperty(RUNS, "target/oversell/runs"));
    }

    /** This run's folder, created if missing. */
    public static Path dir() {
        return created(runs().resolve(id()));
    }

    /** The folder of one family of checks in this run, created if missing. */
    public static Path dir(String family) {
        return created(dir().resolve(family));
    }

    private static Path created(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
