package dev.oversell.stress.jcstress;

import dev.oversell.design.Claim;
import dev.oversell.judge.Finding;
import dev.oversell.stress.scenarios.Accounts;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges one jcstress test's results by a claim. What each outcome means is decided here, not by jcstress's
 * grading: an outcome the scenario lists as acceptable is {@code held}; any other is read from the scenario's
 * {@link Accounts} ({@link Finding#ofAccounts}: oversold or lost update) and is otherwise {@code not
 * linearizable}. A test that errored or produced no samples is an error, never "held". Whether a "may oversell"
 * claim was demonstrated is decided over all of a design's scenarios ({@link ClaimJudgement}).
 */
final class StressJudge {

    private StressJudge() {
    }

    /** The actor runtime's own tests: any outcome jcstress grades FORBIDDEN breaks a runtime guarantee. */
    static ScenarioResult judgeRuntime(Class<?> test, List<TestResult> runs) {
        ScenarioResult r = judge("actor-runtime", Claim.NEVER_OVERSELLS, test.getSimpleName(), test, runs);
        if (r.verdict().equals("error") || !r.failed()) {
            return r;
        }
        List<String> broken = r.outcomes().stream().filter(c -> c.grading().equals("FORBIDDEN"))
                .map(c -> c.outcome() + " (" + c.description() + ", " + c.count() + " samples)").toList();
        return new ScenarioResult(r.variant(), r.claim(), r.scenario(), r.test(), r.status(), r.samples(), 0, 0,
                r.notLinearizable(), r.outcomes(), "broken", "the actor runtime broke a guarantee in "
                + r.scenario() + ": " + broken, null, null, null);
    }

    static ScenarioResult judge(String variant, Claim claim, String scenario, Class<?> test, List<TestResult> runs) {
        Map<String, Long> counts = new TreeMap<>();
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
        long[] byFinding = new long[Finding.values().length];
        List<ScenarioResult.Count> outcomes = new ArrayList<>();
        Finding worst = Finding.HELD;
        for (var entry : counts.entrySet()) {
            Outcome declared = declared(test, entry.getKey());
            Finding finding = declared != null && declared.expect() != Expect.FORBIDDEN
                    ? Finding.HELD : meaning(test, entry.getKey());
            samples += entry.getValue();
            byFinding[finding.ordinal()] += entry.getValue();
            worst = Finding.worst(worst, finding);
            String grading = !finding.anomaly() ? "ACCEPTABLE"
                    : claim != Claim.MAY_OVERSELL ? "FORBIDDEN"
                    : finding == Finding.OVERSOLD ? "ACCEPTABLE_INTERESTING" : "ACCEPTABLE";
            outcomes.add(new ScenarioResult.Count(entry.getKey(), entry.getValue(), finding.word(), grading,
                    declared == null ? finding.meaning() : declared.desc()));
        }
        String verdict = worst.word();
        String problem = null;
        if (status != Status.NORMAL || samples == 0) {
            verdict = "error";
            problem = test.getName() + " did not run cleanly for " + variant + ": " + status + " " + messages;
        } else if (claim == Claim.NEVER_OVERSELLS && worst.anomaly()) {
            problem = variant + " claims " + claim + " but " + scenario + " saw " + worst.word() + " ("
                    + worst.meaning() + ") in " + byFinding[worst.ordinal()] + " of " + samples + " samples";
        }
        return new ScenarioResult(variant, claim.name(), scenario, test.getName(), status.name(), samples,
                byFinding[Finding.OVERSOLD.ordinal()], byFinding[Finding.LOST_UPDATE.ordinal()],
                byFinding[Finding.NOT_LINEARIZABLE.ordinal()], outcomes, verdict, problem, null, null, null);
    }

    /** The {@code @Outcome} whose id matches (jcstress ids are regular expressions), or the catch-all, or null. */
    private static Outcome declared(Class<?> scenario, String outcome) {
        List<Outcome> all = Arrays.asList(scenario.getAnnotationsByType(Outcome.class));
        return all.stream().filter(o -> Arrays.stream(o.id()).anyMatch(outcome::matches)).findFirst()
                .orElse(all.stream().filter(o -> o.id().length == 0).findFirst().orElse(null));
    }

    /** What an outcome no sequential order explains means, from the scenario's accounts. */
    static Finding meaning(Class<?> scenario, String outcome) {
        Accounts[] products = scenario.getAnnotationsByType(Accounts.class);
        if (products.length == 0) {
            return Finding.NOT_LINEARIZABLE;
        }
        long[] r = Arrays.stream(outcome.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        Finding worst = Finding.HELD;
        for (Accounts a : products) {
            long existed = a.initial() + Arrays.stream(a.restocked()).filter(i -> r[i] == 1).count() * a.restockUnits();
            long sold = Arrays.stream(a.sold()).mapToLong(i -> Math.max(0, r[i])).sum();
            worst = Finding.worst(worst, Finding.ofAccounts(existed, sold, r[a.stock()]));
        }
        return worst == Finding.HELD ? Finding.NOT_LINEARIZABLE : worst;
    }
}
