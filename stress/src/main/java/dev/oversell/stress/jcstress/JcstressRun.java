package dev.oversell.stress.jcstress;

import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One jcstress run, in its own {@code java} process and its own folder: jcstress's console ({@code jcstress.log}),
 * its result file and its HTML report ({@code html/}). The process is stopped at a deadline; its result file is
 * then read as far as it is whole, so a test cut off by the budget has no result (and is "not checked"), never a
 * crash.
 *
 * <p>jcstress finds its tests in the first {@code META-INF/TestList} on the class path. A project's test classes,
 * compiled with jcstress on the class path, carry a TestList of their own (an empty one if they hold no jcstress
 * test), ahead of this jar; so the run puts this jar first.
 */
final class JcstressRun {

    private JcstressRun() {
    }

    /** What the run left: results by test name, and whether the deadline stopped it. */
    record Outcome(Map<String, List<TestResult>> results, boolean stoppedAtDeadline, long seconds) {
    }

    /**
     * Runs jcstress over {@code tests} (class names) with {@code options}, writing into {@code folder} (emptied
     * first), stopped at {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    static Outcome run(List<String> tests, List<String> options, Path folder, long deadlineNanos)
            throws IOException, InterruptedException, ClassNotFoundException {
        emptied(folder);
        String filter = tests.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classPath(), "org.openjdk.jcstress.Main",
                "-t", filter, "-r", folder.resolve("html").toString()));
        command.addAll(options);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("jcstress.log").toFile()).start();
        boolean stopped = !process.waitFor(Math.max(0, deadlineNanos - started), TimeUnit.NANOSECONDS);
        if (stopped) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        return new Outcome(readResults(resultFile(folder)), stopped, seconds);
    }

    /**
     * This JVM's class path with the code of this jar (or classes folder) first, so that jcstress and its forked
     * JVMs read this jar's {@code META-INF/TestList}.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(ownLocation().toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize().equals(ownLocation())) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar, or classes folder, this class was loaded from. */
    static Path ownLocation() {
        try {
            return Path.of(JcstressRun.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the stress jar: " + e.getMessage(), e);
        }
    }

    /** {@code folder}, created, or emptied of an earlier run's files. */
    static Path emptied(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(folder)) {
                        Files.delete(p);
                    }
                }
            }
        }
        return Files.createDirectories(folder);
    }

    private static Path resultFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .findFirst().orElse(null);
        }
    }

    /**
     * The results jcstress wrote, by test. A file cut short (jcstress stopped at the budget while writing) gives
     * every complete record before the cut; the tests after it are then "not checked", never a crash.
     */
    static Map<String, List<TestResult>> readResults(Path resultFile) throws IOException, ClassNotFoundException {
        Map<String, List<TestResult>> byTest = new LinkedHashMap<>();
        if (resultFile == null) {
            return byTest;
        }
        try {
            DiskReadCollector reader = new DiskReadCollector(resultFile.toString(),
                    r -> byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r));
            try {
                reader.dump();
            } finally {
                reader.close();
            }
        } catch (EOFException cutShort) {
            System.out.println("[jcstress] the result file ends early (" + cutShort.getMessage() + "); kept the "
                    + byTest.size() + " tests it holds whole");
        }
        return byTest;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
