package dev.oversell.power.database;

import dev.oversell.run.RunFolder;
import dev.oversell.run.TestNames;
import dev.oversell.store.Engine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs {@link DatabaseCorpusUnderTheSuite} on one engine over some designs through the JUnit Platform, as a build
 * would, and reads what the suite itself decided for each design: whether its test
 * {@value TestNames#AGREES} ({@link TestNames#verdict}) failed, passed or was skipped, with the suite's own message. The suite is not changed
 * and not second-guessed; only its verdict test is read.
 *
 * <p>The suite writes its evidence (matrix, scripts, its report) into a run folder of its own,
 * {@code <this run>/power/runs/<id>/database/}, so that the corpus never mixes with the catalogue's
 * {@code database/} folder of the same run.
 */
final class SuiteVerdicts {

    /** What the suite said of one design on one engine, and how long the cell took. */
    record Verdict(TestExecutionResult.Status status, String message, double seconds) {
        boolean failed() {
            return status == TestExecutionResult.Status.FAILED;
        }

        boolean passed() {
            return status == TestExecutionResult.Status.SUCCESSFUL;
        }

        /** The first line of what the suite said, at most 240 characters. */
        String summary() {
            String first = message.strip().split("\\R", 2)[0];
            return first.length() > 240 ? first.substring(0, 240) + "..." : first;
        }
    }

    private SuiteVerdicts() {
    }

    /**
     * The suite's verdict per design name, for {@code designs} on {@code engine}; a design missing from the
     * answer had no verdict test run.
     */
    static Map<String, Verdict> judge(Engine engine, Collection<String> designs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("oversell.engines", engine.key());
        settings.put("oversell.variant", String.join(",", designs));
        Path runs = RunFolder.dir().resolve("power").resolve("runs");
        settings.put(RunFolder.RUNS, runs.toString());
        Map<String, String> before = new LinkedHashMap<>();
        settings.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
        try {
            Listener listener = new Listener(engine);
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request().selectors(selectClass(DatabaseCorpusUnderTheSuite.class)).build(), listener);
            return listener.verdicts;
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

    /** Reads each cell's container and verdict test as they finish. */
    private static final class Listener implements TestExecutionListener {
        private final String suffix;
        private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
        private final Map<String, Long> started = new LinkedHashMap<>();
        private TestPlan plan;

        Listener(Engine engine) {
            this.suffix = " on " + engine.label() + " (claims ";
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void dynamicTestRegistered(TestIdentifier identifier) {
            design(identifier).ifPresent(name -> started.putIfAbsent(name, System.nanoTime()));
        }

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            record(identifier, TestExecutionResult.Status.ABORTED, reason);
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            record(identifier, result.getStatus(), result.getThrowable().map(Throwable::getMessage).orElse(""));
        }

        private void record(TestIdentifier identifier, TestExecutionResult.Status status, String message) {
            if (!identifier.isTest()) {
                return;
            }
            TestNames.verdict(identifier.getDisplayName()).map(TestNames.Leaf::design).ifPresent(name -> {
                long start = started.getOrDefault(name, System.nanoTime());
                verdicts.put(name, new Verdict(status, message == null ? "" : message,
                        (System.nanoTime() - start) / 1e9));
            });
        }

        /** The design a cell's container is for: its name is "design on Engine (claims ...)". */
        private Optional<String> design(TestIdentifier identifier) {
            String display = identifier.getDisplayName();
            int at = display.indexOf(suffix);
            return identifier.isContainer() && at > 0 ? Optional.of(display.substring(0, at)) : Optional.empty();
        }
    }
}
