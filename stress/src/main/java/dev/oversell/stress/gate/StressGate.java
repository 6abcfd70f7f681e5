package dev.oversell.stress.gate;

import dev.oversell.catalogue.Claim;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Judges one jcstress run by a claim, from jcstress's own result file (not its exit code): for "never
 * oversells" any oversell or other unexplained outcome fails; for "may oversell" the run must show at least
 * one oversell (else the harness lacked power); a test that errored or did not run fails either way.
 */
final class StressGate {

    private StressGate() {
    }

    static List<ScenarioResult> judge(String variant, Claim claim, Path runDir, List<String> expectedTests)
            throws IOException, ClassNotFoundException {
        List<TestResult> results = new ArrayList<>();
        Path resultFile;
        try (Stream<Path> files = Files.list(runDir)) {
            resultFile = files.filter(p -> p.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .findFirst().orElse(null);
        }
        if (resultFile != null) {
            DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), results::add);
            reader.dump();
            reader.close();
        }
        List<ScenarioResult> judged = new ArrayList<>();
        for (String test : expectedTests) {
            List<TestResult> ofTest = results.stream().filter(r -> r.getName().equals(test)).toList();
            judged.add(ofTest.isEmpty()
                    ? new ScenarioResult(variant, claim.name(), simpleName(test), "DID NOT RUN", 0, 0, 0, List.of(),
                    "error", "jcstress produced no result for " + test + " (see " + runDir + "/jcstress.log)", null)
                    : judgeTest(variant, claim, test, ofTest));
        }
        if (claim == Claim.MAY_OVERSELL && judged.stream().mapToLong(ScenarioResult::oversold).sum() == 0) {
            ScenarioResult first = judged.get(0);
            judged.set(0, withProblem(first, variant + " claims it may oversell, but no scenario showed an oversell:"
                    + " the run lacked power. Run longer: mvn verify -Pthorough"));
        }
        return judged;
    }

    private static ScenarioResult judgeTest(String variant, Claim claim, String test, List<TestResult> runs)
            throws ClassNotFoundException {
        Class<?> testClass = Class.forName(test, false, StressGate.class.getClassLoader());
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        Status status = Status.NORMAL;
        List<String> messages = new ArrayList<>();
        for (TestResult run : runs) {
            status = status.combine(run.status());
            messages.addAll(run.getMessages());
            for (String key : run.getStateKeys()) {
                counts.merge(key, run.getCount(key), Long::sum);
            }
        }
        long samples = 0;
        long oversold = 0;
        long broken = 0;
        List<ScenarioResult.Count> outcomes = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            OutcomeClass.Classified classified = OutcomeClass.of(testClass, entry.getKey());
            samples += entry.getValue();
            switch (classified.outcomeClass()) {
                case OVERSELL -> oversold += entry.getValue();
                case BROKEN -> broken += entry.getValue();
                default -> { }
            }
            String grading = switch (classified.outcomeClass()) {
                case FINE -> "ACCEPTABLE";
                case OVERSELL -> claim == Claim.MAY_OVERSELL ? "ACCEPTABLE_INTERESTING" : "FORBIDDEN";
                case BROKEN -> "FORBIDDEN";
            };
            outcomes.add(new ScenarioResult.Count(entry.getKey(), entry.getValue(),
                    classified.outcomeClass().name(), grading, classified.description()));
        }
        String verdict = oversold > 0 ? "oversold" : broken > 0 ? "broken" : "held";
        String problem = null;
        if (status != Status.NORMAL || samples == 0) {
            verdict = "error";
            problem = test + " did not run cleanly for " + variant + ": " + status + " " + messages;
        } else if (claim != Claim.MAY_OVERSELL && (oversold > 0 || broken > 0)) {
            problem = variant + " claims " + claim + " but " + simpleName(test) + " saw " + oversold
                    + " oversold and " + broken + " unexplained outcomes in " + samples + " samples";
        }
        return new ScenarioResult(variant, claim.name(), simpleName(test), status.name(), samples, oversold, broken,
                outcomes, verdict, problem, null);
    }

    private static ScenarioResult withProblem(ScenarioResult r, String problem) {
        return new ScenarioResult(r.variant(), r.claim(), r.scenario(), r.status(), r.samples(), r.oversold(),
                r.broken(), r.outcomes(), r.verdict(), problem, r.note());
    }

    static String simpleName(String test) {
        return test.substring(test.lastIndexOf('.') + 1);
    }
}
