package dev.oversell.power;

import dev.oversell.run.Power;
import dev.oversell.run.RunFolder;
import dev.oversell.run.Shard;
import dev.oversell.run.TestNames;
import dev.oversell.engine.Engine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * What one suite said of each design (on each engine, for the database suite), read the way a build reads it: the
 * suite runs through the JUnit Platform's Launcher, unchanged, with the system properties given (restored after),
 * and each design's verdict test is its verdict, found by its name ({@link TestNames#verdict}: "[design] is judged
 * by its claim", or "[design on Engine] the claim agrees with what was measured" for the database suite). A corpus
 * design claims it never oversells, so a failed verdict is a catch (with the finding the suite's message names), a
 * passed one a hold, and anything else (skipped, aborted, no verdict test at all) is neither, and says why, with
 * the failures of the design's other tests.
 *
 * <p>The suite's own evidence goes to a nested run, {@code <this run>/power/runs/<label>/}: its run id is the
 * label, so that it never mixes with the catalogue's family folders of the same run, nor with another suite run of
 * the corpus.
 */
final class SuiteVerdicts {

    /** Where a verdict was given: a design, and the engine for the database suite (else null). */
    record Cell(String design, Engine engine) {
        @Override
        public String toString() {
            return engine == null ? design : design + " on " + engine.label();
        }
    }

    enum Outcome { CAUGHT, HELD, NOT_JUDGED }

    /**
     * What one run of a suite said: a verdict per cell it judged, and the failures of its tests that belong to no
     * design (a suite that failed before judging anything says so there).
     */
    record Answer(Map<Cell, Verdict> verdicts, List<String> suiteFailures) {

        /** This answer and {@code other}'s, for suites run in parts (an engine, a set of scenarios at a time). */
        Answer and(Answer other) {
            Map<Cell, Verdict> both = new LinkedHashMap<>(verdicts);
            both.putAll(other.verdicts);
            List<String> failures = new ArrayList<>(suiteFailures);
            failures.addAll(other.suiteFailures);
            return new Answer(both, failures);
        }

        static Answer none() {
            return new Answer(Map.of(), List.of());
        }
    }

    /** One cell's verdict: caught (with the finding's word), held, or neither; the suite's message; its time. */
    record Verdict(Outcome outcome, String finding, String message, double seconds) {

        /** The first line of what the suite said, at most 240 characters. */
        String summary() {
            return firstLine(message);
        }
    }

    /** A container of one design's tests: {@code NAME (claims: C)}, {@code NAME (C)}, {@code NAME on ENGINE (claims C)}. */
    private static final Pattern CONTAINER = Pattern.compile("(\\S+)(?: on (.+?))? \\((?:claims:? )?[A-Z][A-Z_]*.*\\)");
    private static final Pattern SAW = Pattern.compile("claims it never oversells, but .*? saw: ([a-z ]+) \\(");

    private SuiteVerdicts() {
    }

    /**
     * Runs {@code suite} with {@code settings} as system properties, its evidence in the nested run {@code label},
     * and returns
     * each cell's verdict; a cell missing from the answer had no verdict test run.
     */
    static Answer of(Class<?> suite, String label, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(RunFolder.RUNS, nestedRuns().toString());
        all.put(RunFolder.ID, label);
        all.put(Shard.SETTING, Shard.WHOLE.toString()); // the corpus is measured whole, whichever shard measures it
        Map<String, String> before = new LinkedHashMap<>();
        all.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
        try {
            Listener listener = new Listener();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request().selectors(selectClass(suite)).build(), listener);
            return listener.answer();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** The folder of the corpus's nested runs in this run: {@code <run>/power/runs}. */
    static Path nestedRuns() {
        return RunFolder.dir(Power.FOLDER).resolve("runs");
    }

    /** Reads each design's container and verdict test as they finish. */
    private static final class Listener implements TestExecutionListener {
        private final Map<Cell, Verdict> verdicts = new LinkedHashMap<>();
        private final Map<Cell, Long> started = new LinkedHashMap<>();
        private final Map<Cell, List<String>> otherFailures = new LinkedHashMap<>();
        private final List<String> suiteFailures = new ArrayList<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void dynamicTestRegistered(TestIdentifier identifier) {
            cell(identifier).ifPresent(cell -> started.putIfAbsent(cell, System.nanoTime()));
        }

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            finished(identifier, TestExecutionResult.Status.ABORTED, "skipped: " + reason);
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            finished(identifier, result.getStatus(), result.getThrowable().map(t -> t.getMessage() == null
                    ? t.toString() : t.getMessage()).orElse(""));
        }

        private void finished(TestIdentifier test, TestExecutionResult.Status status, String message) {
            if (!test.isTest()) {
                return;
            }
            Optional<Cell> cell = designOf(test);
            boolean verdictTest = TestNames.verdict(test.getDisplayName()).isPresent();
            if (cell.isEmpty() || !verdictTest) {
                if (status != TestExecutionResult.Status.SUCCESSFUL) { // kept, to say why a design was not judged
                    String why = test.getDisplayName() + ": " + status + " " + firstLine(message);
                    cell.ifPresentOrElse(c -> otherFailures.computeIfAbsent(c, k -> new ArrayList<>()).add(why),
                            () -> suiteFailures.add(why));
                }
                return;
            }
            Cell c = cell.get();
            double seconds = (System.nanoTime() - started.getOrDefault(c, System.nanoTime())) / 1e9;
            Matcher saw = SAW.matcher(message);
            verdicts.put(c, status == TestExecutionResult.Status.SUCCESSFUL ? new Verdict(Outcome.HELD, "held", "", seconds)
                    : status == TestExecutionResult.Status.FAILED && saw.find()
                    ? new Verdict(Outcome.CAUGHT, saw.group(1), message, seconds)
                    : new Verdict(Outcome.NOT_JUDGED, "", status + ": " + message + (otherFailures.containsKey(c)
                    ? " (" + String.join("; ", otherFailures.get(c)) + ")" : ""), seconds));
        }

        /** The cell of the nearest container above {@code test} that is one design's. */
        private Optional<Cell> designOf(TestIdentifier test) {
            for (Optional<TestIdentifier> up = plan.getParent(test); up.isPresent(); up = plan.getParent(up.get())) {
                Optional<Cell> cell = cell(up.get());
                if (cell.isPresent()) {
                    return cell;
                }
            }
            return Optional.empty();
        }

        /** The cell a container is for, if it is one design's. */
        private Optional<Cell> cell(TestIdentifier identifier) {
            Matcher m = CONTAINER.matcher(identifier.getDisplayName());
            if (!identifier.isContainer() || !m.matches()) {
                return Optional.empty();
            }
            Optional<Engine> engine = Arrays.stream(Engine.values()).filter(e -> e.label().equals(m.group(2))).findFirst();
            return m.group(2) != null && engine.isEmpty() ? Optional.empty()
                    : Optional.of(new Cell(m.group(1), engine.orElse(null)));
        }

        Answer answer() {
            return new Answer(verdicts, suiteFailures);
        }
    }

    private static String firstLine(String message) {
        String first = message.strip().split("\\R", 2)[0];
        return first.length() > 240 ? first.substring(0, 240) + "..." : first;
    }
}
