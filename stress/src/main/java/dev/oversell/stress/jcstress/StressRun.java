package dev.oversell.stress.jcstress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oversell.design.Claim;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Designs;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.model.OrderInventory;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.RunFolder;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.stress.scenarios.DesignState;
import dev.oversell.stress.scenarios.OrdersState;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stress suite: one jcstress run per selected in-memory design (every design of every
 * {@link dev.oversell.design.DesignProvider} on the class path, or the one {@code -Doversell.design} names), over
 * the scenarios of {@code dev.oversell.stress.scenarios}, each run in its own folder; then the actor runtime's own
 * tests once. The {@link StressJudge} judges each test's outcomes, and {@link ClaimJudgement} each design's claim.
 * One time budget covers everything: a test without a result when it runs out is "not checked" and fails, by name.
 *
 * <p>Writes, under the output folder (its first argument, default {@code target/oversell/jcstress}): one folder per
 * design and {@code actor-runtime/}, each with jcstress's log, result file and HTML report; {@code summary.json}
 * (a row per design and scenario), {@code claims.json} (a judgement per design), {@code summary.md} and
 * {@code html/index.html} (links to each design's jcstress report). Exits 1 if any claim disagrees with what was
 * measured, a test errored, or a test was not checked.
 *
 * <p>Settings (system properties): {@code oversell.jcstress.options}, the jcstress options;
 * {@code oversell.jcstress.secondsPerDesign} and {@code oversell.jcstress.minSamples} ({@link StressBudget}); {@code oversell.design}, one design (or
 * {@code actor-runtime}) instead of all; {@code oversell.jcstress.scenarios}, the scenarios every design runs
 * ({@code all}, or names separated by commas); {@code oversell.stress.reproduce}, the command a failure message
 * offers, to which {@code -Doversell.design=NAME} is added. {@link dev.oversell.stress.StressSuite} starts this
 * class and sets them.
 */
public final class StressRun {

    static final String SCENARIOS = "dev.oversell.stress.scenarios";
    static final String RUNTIME = "dev.oversell.stress.runtime";
    static final String ACTOR_RUNTIME = "actor-runtime";
    /** The family's folder in the run, and its name in a shard's units ({@code jcstress/<design>}). */
    public static final String FAMILY = "jcstress";
    static final String DEFAULT_OPTIONS = "-m quick -sc false -f 1 -fsm 1 -iters 1 -time 150 -strideCount 10 -strideSize 256 -pth false -hs 64"
            + " -jvmArgs -Doversell.actors.executor=calling-thread";

    private StressRun() {
    }

    /** One jcstress run: a design's scenarios (its name handed to jcstress's forks), or the actor runtime's tests. */
    record Planned(String name, Claim claim, List<Class<?>> tests, List<String> jvmArgs) {
        boolean runtime() {
            return name.equals(ACTOR_RUNTIME);
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = JcstressRun.emptied((args.length > 0 ? Path.of(args[0]) : RunFolder.dir("jcstress")).toAbsolutePath());
        String optionsText = System.getProperty("oversell.jcstress.options", DEFAULT_OPTIONS).trim();
        List<String> options = Arrays.asList(optionsText.split("\\s+"));
        String only = System.getProperty(Designs.ONLY, "").trim();
        String scenarios = System.getProperty("oversell.jcstress.scenarios", "all").trim();
        String reproduce = System.getProperty("oversell.stress.reproduce", "mvn verify").trim();

        List<Planned> plan;
        try {
            plan = plan(only, scenarios);
        } catch (RuntimeException nothingToRun) {
            System.out.println("[jcstress] FAILED: " + nothingToRun.getMessage());
            System.exit(1);
            return;
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        long budgetSeconds = StressBudget.seconds((int) plan.stream().filter(p -> !p.runtime()).count(),
                plan.stream().anyMatch(Planned::runtime));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budgetSeconds);
        System.out.printf("[jcstress] options: %s; budget %d s; at least %,d samples per scenario for a held; scenarios:"
                        + " %s; %d runs: %s%n", optionsText, budgetSeconds, StressBudget.minSamples(), scenarios,
                plan.size(), plan.stream().map(Planned::name).toList());

        if (scenarios.equals("all")) {
            plan.stream().filter(p -> !p.runtime()).findFirst().ifPresent(p -> p.tests().stream()
                    .filter(t -> actorsOf(t) > cpus).forEach(t -> System.out.printf("[jcstress] NOT RUN: %s needs %d"
                                    + " CPUs (one per jcstress actor) and this machine has %d; three buyers are"
                                    + " model-checked by Lincheck instead, and named here it would be not checked%n",
                            t.getSimpleName(), actorsOf(t), cpus)));
        }
        List<ScenarioResult> rows = new ArrayList<>();
        List<ClaimJudgement> claims = new ArrayList<>();
        for (Planned p : plan) {
            Path folder = out.resolve(p.name());
            String report = p.name() + "/html/index.html";
            String again = reproduce + " -D" + Designs.ONLY + "=" + p.name();
            List<String> runnable = p.tests().stream().filter(t -> actorsOf(t) <= cpus).map(Class::getName).toList();
            Map<String, List<TestResult>> results = Map.of();
            Path log = folder.resolve("jcstress.log");
            String whyNoResult = "the time budget of " + budgetSeconds + " s ran out before its jcstress run started;"
                    + " raise -Doversell.jcstress.secondsPerDesign or run it alone: " + again;
            if (runnable.isEmpty()) {
                System.out.printf("[jcstress] %s: no test can run on %d CPUs%n", p.name(), cpus);
            } else if (deadline - System.nanoTime() < TimeUnit.SECONDS.toNanos(1)) {
                System.out.printf("[jcstress] %s: not started, the time budget of %d s ran out%n", p.name(), budgetSeconds);
            } else {
                JcstressRun.Outcome run = JcstressRun.run(runnable, withDesign(options, p), folder, deadline);
                results = run.results();
                whyNoResult = run.stoppedAtDeadline()
                        ? "jcstress was stopped at the time budget of " + budgetSeconds + " s before it gave a result (see "
                        + log + "); raise -Doversell.jcstress.secondsPerDesign or run it alone: " + again
                        : "jcstress ended without a result for it (see " + log + "); run it alone: " + again;
                System.out.printf("[jcstress] %s: %d tests, jcstress ran %d s%s%n", p.name(), runnable.size(), run.seconds(),
                        run.stoppedAtDeadline() ? "; stopped: the time budget of " + budgetSeconds + " s ran out" : "");
            }
            List<ScenarioResult> judged = new ArrayList<>();
            for (Class<?> test : p.tests()) {
                if (actorsOf(test) > cpus && scenarios.equals("all")) {
                    continue; // not asked for by name: no column claims it (see below)
                }
                List<TestResult> ofTest = results.getOrDefault(test.getName(), List.of());
                String evidence = !ofTest.isEmpty() ? p.name() + "/html/" + test.getName() + ".html"
                        : Files.exists(log) && actorsOf(test) <= cpus ? p.name() + "/jcstress.log" : null;
                judged.add(judge(p, test, ofTest, cpus, whyNoResult).locatedAt(evidence, again));
            }
            judged = aboveTheFloor(p, judged, results, withDesign(options, p), folder, deadline, cpus, again);
            rows.addAll(judged);
            if (!p.runtime()) {
                claims.add(ClaimJudgement.of(p.name(), p.claim(), judged, report, again));
            }
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("summary.json").toFile(), rows);
        json.writeValue(out.resolve("claims.json").toFile(), claims);
        json.writeValue(out.resolve("observations.json").toFile(), new Observations(RunFolder.id(), "jcstress",
                Environment.ofThisJvm(), Designs.inMemory().stream().map(JudgedDesign::of).toList(),
                rows.stream().filter(r -> !r.variant().equals(ACTOR_RUNTIME)).map(ScenarioResult::toObservation).toList(),
                RunSettings.ofThisJvm(), Shard.taken(FAMILY)));
        String summary = StressSummary.markdown(rows, claims, optionsText);
        Files.writeString(out.resolve("summary.md"), summary);
        Files.createDirectories(out.resolve("html"));
        Files.writeString(out.resolve("html/index.html"), StressSummary.index(plan.stream().map(Planned::name).toList(),
                claims, optionsText));
        System.out.println(summary);
        List<String> problems = new ArrayList<>();
        rows.stream().filter(ScenarioResult::failed).map(ScenarioResult::problem).forEach(problems::add);
        claims.stream().filter(ClaimJudgement::failed).map(c -> c.problem() + ". Reproduce: " + c.reproduce())
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            System.out.println("[jcstress] FAILED:");
            problems.forEach(p -> System.out.println("[jcstress]   " + p));
            System.exit(1);
        }
        System.out.println("[jcstress] every claim agrees with what was measured; written to " + out);
    }

    private static List<String> withDesign(List<String> options, Planned p) {
        List<String> withDesign = new ArrayList<>(options);
        withDesign.addAll(p.jvmArgs());
        return withDesign;
    }

    /**
     * The floor ({@link StressBudget#minSamples()}): scenarios of {@code p} that saw nothing wrong in fewer samples are
     * run again, {@link StressBudget#stretch} times as long, in {@code <design>/longer/}, and judged on the samples of
     * both runs; a scenario still below the floor is not checked (and fails), naming the setting that would check it.
     */
    private static List<ScenarioResult> aboveTheFloor(Planned p, List<ScenarioResult> judged,
                                                      Map<String, List<TestResult>> results, List<String> options,
                                                      Path folder, long deadline, int cpus, String again)
            throws IOException, InterruptedException, ClassNotFoundException {
        if (p.runtime()) {
            return judged; // the runtime's tests check guarantees of their own, each outcome graded by jcstress
        }
        long floor = StressBudget.minSamples();
        List<ScenarioResult> thin = judged.stream().filter(r -> r.verdict() == CheckVerdict.HELD && r.samples() < floor).toList();
        if (thin.isEmpty()) {
            return judged;
        }
        int stretch = StressBudget.stretch(thin.stream().mapToLong(ScenarioResult::samples).min().orElse(0));
        List<String> longer = stretched(options, stretch);
        Map<String, List<TestResult>> more = Map.of();
        if (deadline - System.nanoTime() > TimeUnit.SECONDS.toNanos(1)) {
            System.out.printf("[jcstress] %s: %s below the floor of %,d samples; running %s again, %d times as long%n",
                    p.name(), thin.stream().map(r -> r.scenario() + " (" + String.format("%,d", r.samples()) + ")").toList(),
                    floor, thin.size() == 1 ? "it" : "them", stretch);
            more = JcstressRun.run(thin.stream().map(ScenarioResult::test).toList(), longer, folder.resolve("longer"),
                    deadline).results();
        }
        List<ScenarioResult> out = new ArrayList<>();
        for (ScenarioResult r : judged) {
            if (!thin.contains(r)) {
                out.add(r);
                continue;
            }
            List<TestResult> both = new ArrayList<>(results.getOrDefault(r.test(), List.of()));
            both.addAll(more.getOrDefault(r.test(), List.of()));
            Class<?> test = Class.forName(r.test(), false, StressRun.class.getClassLoader());
            ScenarioResult rejudged = judge(p, test, both, cpus, "").locatedAt(r.report(), r.reproduce());
            if (rejudged.verdict() == CheckVerdict.HELD && rejudged.samples() < floor) {
                String why = String.format("%,d samples, below the floor of %,d per scenario, after a run %d times as"
                        + " long", rejudged.samples(), floor, stretch);
                rejudged = rejudged.notChecked(why, "-Doversell.jcstress.minSamples, or a longer -time in"
                        + " -Doversell.jcstress.options; " + again);
            }
            out.add(rejudged);
        }
        return out;
    }

    /** {@code options} with jcstress's {@code -time} (per iteration, in ms) {@code factor} times as long. */
    static List<String> stretched(List<String> options, int factor) {
        List<String> out = new ArrayList<>(options);
        int at = out.indexOf("-time");
        if (at >= 0 && at + 1 < out.size()) {
            out.set(at + 1, String.valueOf(Long.parseLong(out.get(at + 1)) * factor));
        } else {
            out.addAll(List.of("-time", String.valueOf(1000L * factor)));
        }
        return out;
    }

    /**
     * The runs this invocation makes, of the whole run's ({@link #runs}), those of this shard
     * ({@code -Doversell.shard=k/n}: a design, or the actor runtime, is a unit): a design's scenarios, or the actor
     * runtime's tests.
     */
    static List<Planned> plan(String only, String scenarios) throws IOException, ClassNotFoundException {
        List<String> chosen = scenarios.equals("all") ? null : Arrays.stream(scenarios.split(",")).map(String::trim).toList();
        List<Class<?>> scenarioTests = new ArrayList<>();
        List<Class<?>> runtimeTests = new ArrayList<>();
        for (String test : listedTests()) {
            Class<?> type = Class.forName(test, false, StressRun.class.getClassLoader());
            if (type.getPackageName().equals(SCENARIOS) && (chosen == null || chosen.contains(type.getSimpleName()))) {
                scenarioTests.add(type);
            } else if (type.getPackageName().equals(RUNTIME)) {
                runtimeTests.add(type);
            }
        }
        if (chosen != null && scenarioTests.size() != chosen.size()) {
            throw new IllegalArgumentException("-Doversell.jcstress.scenarios names " + chosen + "; the scenarios are "
                    + listedTests().stream().filter(t -> t.startsWith(SCENARIOS + ".")).map(t -> t.substring(SCENARIOS.length() + 1)).toList());
        }
        List<Planned> plan = new ArrayList<>();
        for (String run : runs(only)) {
            if (run.equals(ACTOR_RUNTIME)) {
                plan.add(new Planned(ACTOR_RUNTIME, Claim.NEVER_OVERSELLS, runtimeTests, List.of()));
                continue;
            }
            InMemoryDesign design = Designs.byName(run, InMemoryDesign.class);
            boolean takesOrders = OrderInventory.class.isAssignableFrom(design.type());
            plan.add(new Planned(design.name(), design.claim(), scenarioTests.stream()
                    .filter(test -> takesOrders || !OrdersState.class.isAssignableFrom(test)).toList(),
                    List.of("-jvmArgsPrepend", "-D" + DesignState.DESIGN_PROPERTY + "=" + design.name())));
        }
        return Shard.current().take(FAMILY, plan, p -> Shard.unit(FAMILY, p.name()));
    }

    /**
     * The units of a shard ({@link Shard}) in the whole run, by name ({@code jcstress/naive}): {@link #runs}'s, the
     * runs {@link #plan} makes its share of.
     */
    public static List<String> units(String only) {
        return runs(only).stream().map(run -> Shard.unit(FAMILY, run)).toList();
    }

    /**
     * The whole run's runs, by name: each selected in-memory design, then the actor runtime's tests (unless one
     * design is named, {@code only}). The one list both {@link #plan} and {@link #units} are made from; it fails
     * when there is no in-memory design to stress, or one takes the actor runtime's name.
     */
    private static List<String> runs(String only) {
        List<String> runs = new ArrayList<>();
        if (!only.equals(ACTOR_RUNTIME)) {
            List<InMemoryDesign> designs = Designs.inMemory();
            if (designs.isEmpty()) {
                throw new IllegalStateException("no in-memory design to stress: " + (only.isEmpty()
                        ? "the providers on the class path declare database designs only" : "'" + only + "' is a database design")
                        + "; jcstress drives in-memory designs");
            }
            for (InMemoryDesign design : designs) {
                if (design.name().equals(ACTOR_RUNTIME)) {
                    throw new IllegalStateException("a design is named '" + ACTOR_RUNTIME + "', the name of the actor"
                            + " runtime's own tests in the stress evidence: rename it");
                }
                runs.add(design.name());
            }
        }
        if (only.isEmpty() || only.equals(ACTOR_RUNTIME)) {
            runs.add(ACTOR_RUNTIME);
        }
        return runs;
    }

    /** A test's row: skipped, not checked (saying why it has no result), or as the judge read its results. */
    private static ScenarioResult judge(Planned p, Class<?> test, List<TestResult> results, int cpus, String whyNoResult) {
        String scenario = test.getSimpleName();
        if (actorsOf(test) > cpus) {
            String note = scenario + " needs " + actorsOf(test) + " CPUs (one per jcstress actor); this machine has "
                    + cpus + ", so jcstress cannot run it here";
            return new ScenarioResult(p.name(), p.claim().name(), scenario, test.getName(), "SKIPPED", 0, 0, 0, 0,
                    List.of(), CheckVerdict.SKIPPED, null, note, null, null);
        }
        if (results.isEmpty()) {
            return new ScenarioResult(p.name(), p.claim().name(), scenario, test.getName(), "NOT CHECKED", 0, 0, 0, 0,
                    List.of(), CheckVerdict.NOT_CHECKED, scenario + " was not checked for " + p.name() + ": " + whyNoResult, null,
                    null, null);
        }
        return p.runtime() ? StressJudge.judgeRuntime(test, results) : StressJudge.judge(p.name(), p.claim(), scenario, test, results);
    }

    private static int actorsOf(Class<?> test) {
        return (int) Arrays.stream(test.getMethods()).filter(m -> m.isAnnotationPresent(Actor.class)).count();
    }

    /**
     * The jcstress tests of this jar (or classes folder): the ones its compilation registered in its own
     * {@code META-INF/TestList}, read from there and not from whichever TestList comes first on the class path.
     * Each line is {@code JCTEST} followed by length-prefixed fields ({@code <length>S<text>}); the first is the
     * test's name.
     */
    static List<String> listedTests() throws IOException {
        List<String> tests = new ArrayList<>();
        try (URLClassLoader thisJarOnly = new URLClassLoader(new URL[] {JcstressRun.ownLocation().toUri().toURL()}, null);
             InputStream in = thisJarOnly.getResourceAsStream("META-INF/TestList")) {
            if (in == null) {
                throw new IllegalStateException("no META-INF/TestList in " + JcstressRun.ownLocation()
                        + ": was it compiled with jcstress's annotation processor?");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("JCTEST")) {
                    int lengthEnd = line.indexOf('S', 6);
                    int length = Integer.parseInt(line.substring(6, lengthEnd));
                    tests.add(line.substring(lengthEnd + 1, lengthEnd + 1 + length));
                }
            }
        }
        return tests;
    }
}
