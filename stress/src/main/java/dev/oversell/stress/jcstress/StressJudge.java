package dev.oversell.stress.jcstress;

import dev.oversell.design.Claim;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.judge.Finding;
import dev.oversell.judge.PartialOrders;
import dev.oversell.model.Order;
import dev.oversell.stress.scenarios.Accounts;
import dev.oversell.stress.scenarios.HangWatch;
import dev.oversell.stress.scenarios.OrderOfOneEach;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges one jcstress test's results by a claim. What each outcome means is decided here, not by jcstress's
 * grading: an outcome the scenario lists as acceptable is {@code held}; any other is read from the scenario's
 * {@link Accounts} ({@link Finding#ofAccounts}: oversold or lost update; with its {@link OrderOfOneEach orders},
 * partially applied) and is otherwise {@code not linearizable}. A fork that hung ({@link #hangOf}) is
 * {@code hung}, with the cycle the fork's {@link HangWatch} named. A test that errored otherwise, or produced no
 * samples and did not hang, is an error, never "held". Whether a "may oversell"
 * claim was demonstrated is decided over all of a design's scenarios ({@link ClaimJudgement}).
 */
final class StressJudge {

    private StressJudge() {
    }

    /** The actor runtime's own tests: any outcome jcstress grades FORBIDDEN breaks a runtime guarantee. */
    static ScenarioResult judgeRuntime(Class<?> test, List<TestResult> runs) {
        ScenarioResult r = judge("actor-runtime", Claim.NEVER_OVERSELLS, test.getSimpleName(), test, runs);
        if (r.verdict() == CheckVerdict.ERROR || !r.failed()) {
            return r;
        }
        List<String> broken = r.outcomes().stream().filter(c -> c.grading().equals("FORBIDDEN"))
                .map(c -> c.outcome() + " (" + c.description() + ", " + c.count() + " samples)").toList();
        return new ScenarioResult(r.variant(), r.claim(), r.scenario(), r.test(), r.status(), r.samples(), 0, 0,
                r.notLinearizable(), r.outcomes(), CheckVerdict.BROKEN, "the actor runtime broke a guarantee in "
                + r.scenario() + ": " + broken, null, null, null);
    }

    static ScenarioResult judge(String variant, Claim claim, String scenario, Class<?> test, List<TestResult> runs) {
        Map<String, Long> counts = new TreeMap<>();
        Status status = Status.NORMAL;
        List<String> messages = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        for (TestResult run : runs) {
            Optional<String> hang = hangOf(run);
            if (hang.isPresent()) {
                hangs.add(hang.get());
            } else {
                status = status.combine(run.status());
                messages.addAll(run.getMessages());
            }
            for (String key : run.getStateKeys()) {
                counts.merge(key, run.getCount(key), Long::sum);
            }
        }
        long samples = 0;
        long[] byFinding = new long[Finding.values().length];
        List<ScenarioResult.Count> outcomes = new ArrayList<>();
        Finding worst = hangs.isEmpty() ? Finding.HELD : Finding.HUNG;
        for (var entry : counts.entrySet()) {
            Outcome declared = declared(test, entry.getKey());
            Meaning meaning = declared != null && declared.expect() != Expect.FORBIDDEN
                    ? new Meaning(Finding.HELD, null) : meaning(test, entry.getKey());
            Finding finding = meaning.finding();
            samples += entry.getValue();
            byFinding[finding.ordinal()] += entry.getValue();
            worst = Finding.worst(worst, finding);
            String grading = !finding.anomaly() ? "ACCEPTABLE"
                    : claim != Claim.MAY_OVERSELL ? "FORBIDDEN"
                    : finding == Finding.OVERSOLD ? "ACCEPTABLE_INTERESTING" : "ACCEPTABLE";
            outcomes.add(new ScenarioResult.Count(entry.getKey(), entry.getValue(), finding.word(), grading,
                    meaning.why() != null ? meaning.why() : declared == null ? finding.meaning() : declared.desc()));
        }
        CheckVerdict verdict = CheckVerdict.of(worst);
        String problem = null;
        if (status != Status.NORMAL || samples == 0 && hangs.isEmpty()) {
            verdict = CheckVerdict.ERROR;
            problem = test.getName() + " did not run cleanly for " + variant + ": " + status + " " + messages;
        } else if (claim == Claim.NEVER_OVERSELLS && worst.anomaly()) {
            problem = variant + " claims " + claim + " but " + scenario + " saw " + worst.word() + " ("
                    + worst.meaning() + ") " + (worst == Finding.HUNG ? "in " + hangs.size() + " of " + runs.size()
                    + " jcstress forks:\n" + String.join("\n", hangs) : "in " + byFinding[worst.ordinal()] + " of " + samples + " samples");
        }
        return new ScenarioResult(variant, claim.name(), scenario, test.getName(), status.name(), samples,
                byFinding[Finding.OVERSOLD.ordinal()], byFinding[Finding.LOST_UPDATE.ordinal()],
                byFinding[Finding.NOT_LINEARIZABLE.ordinal()], outcomes, verdict, problem, null, null, null, hangs);
    }

    /**
     * The hang a fork ended in, in words, if it did: the fork's {@link HangWatch} named a deadlock and ended it (its
     * lines), or jcstress gave up waiting for the actors (its timeout: a hang the JVM could not name).
     */
    static Optional<String> hangOf(TestResult run) {
        if (run.status() == Status.VM_ERROR) {
            List<String> cycle = run.getVmOut().stream().filter(line -> line.startsWith(HangWatch.MARKER))
                    .map(line -> line.substring(HangWatch.MARKER.length())).toList();
            return cycle.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", cycle));
        }
        if (run.status() == Status.TIMEOUT_ERROR) {
            return Optional.of("no call answered before jcstress's timeout (" + String.join("; ", run.getMessages())
                    + "), and the JVM named no deadlock: a livelock, or a wait that nothing ends");
        }
        return Optional.empty();
    }

    /** What an outcome means, and, where the word alone does not say it, how (the order applied in part). */
    record Meaning(Finding finding, String why) {
    }

    /** The {@code @Outcome} whose id matches (jcstress ids are regular expressions), or the catch-all, or null. */
    private static Outcome declared(Class<?> scenario, String outcome) {
        List<Outcome> all = Arrays.asList(scenario.getAnnotationsByType(Outcome.class));
        return all.stream().filter(o -> Arrays.stream(o.id()).anyMatch(outcome::matches)).findFirst()
                .orElse(all.stream().filter(o -> o.id().length == 0).findFirst().orElse(null));
    }

    /**
     * What an outcome no sequential order explains means, from the scenario's accounts: oversold or a lost update
     * by the numbers; where the scenario places orders ({@link OrderOfOneEach}) and the stock does not add up, an
     * order applied in part if some partial way of taking the orders' lines gives the stock left
     * ({@link PartialOrders}); else not linearizable.
     */
    static Meaning meaning(Class<?> scenario, String outcome) {
        Accounts[] products = scenario.getAnnotationsByType(Accounts.class);
        if (products.length == 0) {
            return new Meaning(Finding.NOT_LINEARIZABLE, null);
        }
        long[] r = Arrays.stream(outcome.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        Finding worst = Finding.HELD;
        for (Accounts a : products) {
            long existed = a.initial() + Arrays.stream(a.restocked()).filter(i -> r[i] == 1).count() * a.restockUnits();
            long sold = Arrays.stream(a.sold()).mapToLong(i -> Math.max(0, r[i])).sum();
            worst = Finding.worst(worst, Finding.ofAccounts(existed, sold, r[a.stock()]));
        }
        if (worst == Finding.LOST_UPDATE) {
            Optional<String> partial = partialOrder(scenario, products, r);
            if (partial.isPresent()) {
                return new Meaning(Finding.PARTIALLY_APPLIED, partial.get());
            }
        }
        return new Meaning(worst == Finding.HELD ? Finding.NOT_LINEARIZABLE : worst, null);
    }

    /** The orders of the scenario cut in two, if the stock left is told by some; empty if it has no orders. */
    private static Optional<String> partialOrder(Class<?> scenario, Accounts[] products, long[] r) {
        OrderOfOneEach[] declared = scenario.getAnnotationsByType(OrderOfOneEach.class);
        if (declared.length == 0) {
            return Optional.empty();
        }
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Set<Integer> orderFields = new HashSet<>();
        for (OrderOfOneEach o : declared) {
            String name = "r" + (o.field() + 1);
            orders.put(name, new Order(name, Arrays.stream(o.products()).map(p -> Order.line(p, 1)).toList()));
            answers.put(name, r[o.field()] == 1 ? "placed" : r[o.field()] == 0 ? "refused" : "failed");
            orderFields.add(o.field());
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, Long> after = new LinkedHashMap<>();
        for (Accounts a : products) {
            long existed = a.initial() + Arrays.stream(a.restocked()).filter(i -> r[i] == 1).count() * a.restockUnits();
            long soldBySinglePurchases = Arrays.stream(a.sold()).filter(i -> !orderFields.contains(i))
                    .mapToLong(i -> Math.max(0, r[i])).sum();
            expected.put(a.product(), existed - soldBySinglePurchases);
            after.put(a.product(), r[a.stock()]);
        }
        return PartialOrders.explain(orders, answers, expected, after);
    }
}
