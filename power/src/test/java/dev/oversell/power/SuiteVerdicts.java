package dev.oversell.power;

import dev.oversell.run.TestNames;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What one suite said of each design, read the way a build reads it: the suite runs through the JUnit Platform's
 * Launcher, unchanged, and each design's "is judged by its claim" test is its verdict, found by its name
 * ({@link TestNames#verdict}: every leaf names its design); a corpus design claims it never oversells, so a failed judgement that
 * names what was seen is a catch, a passed one a hold, and anything else (an error, a check that did not run) is
 * neither, and says why.
 */
final class SuiteVerdicts {

    private static final Pattern SAW = Pattern.compile("claims it never oversells, but .*? saw: ([a-z ]+) \\(");

    /** One design's verdict: caught (with the finding's word), held, or neither. */
    record Verdict(String design, Outcome outcome, String finding, String message) {
    }

    enum Outcome { CAUGHT, HELD, NOT_JUDGED }

    private SuiteVerdicts() {
    }

    /** Runs {@code suite} and returns each design's verdict, by design name. */
    static Map<String, Verdict> of(Class<?> suite) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
                new TestExecutionListener() {
                    private TestPlan plan;

                    @Override
                    public void testPlanExecutionStarted(TestPlan testPlan) {
                        plan = testPlan;
                    }

                    private final Map<String, String> failedChecks = new LinkedHashMap<>();

                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        Optional<TestNames.Leaf> leaf = TestNames.read(test.getDisplayName());
                        String design = leaf.map(TestNames.Leaf::design).orElse("?");
                        if (leaf.filter(TestNames.Leaf::verdict).isEmpty()) {
                            // a check's own failure: kept, to say why a design could not be judged
                            result.getThrowable().ifPresent(thrown -> failedChecks.merge(design, test.getDisplayName()
                                    + ": " + thrown + (thrown.getCause() == null ? "" : ", caused by " + thrown.getCause()),
                                    (a, b) -> a + "; " + b));
                            return;
                        }
                        Verdict verdict = verdict(design, result);
                        if (verdict.outcome() == Outcome.NOT_JUDGED && failedChecks.containsKey(design)) {
                            verdict = new Verdict(design, Outcome.NOT_JUDGED, "", verdict.message() + " ("
                                    + failedChecks.get(design) + ")");
                        }
                        verdicts.put(design, verdict);
                    }
                });
        return verdicts;
    }

    private static Verdict verdict(String design, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return new Verdict(design, Outcome.HELD, "held", "");
        }
        String message = result.getThrowable().map(Throwable::getMessage).orElse(String.valueOf(result.getStatus()));
        Matcher saw = SAW.matcher(message == null ? "" : message);
        return saw.find() ? new Verdict(design, Outcome.CAUGHT, saw.group(1), message)
                : new Verdict(design, Outcome.NOT_JUDGED, "", String.valueOf(message));
    }
}
