package dev.oversell.stress.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oversell.design.InMemoryVariant;
import dev.oversell.design.Variants;
import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stress suite, as {@code mvn verify} runs it: ONE jcstress run over every generated scenario test (one per
 * in-memory catalogue variant and scenario, see {@code dev.oversell.stress.scenarios}) and the actor runtime's
 * own tests, then the {@link StressGate} on each test and the two-way claim rule ({@link Judge}) on each
 * variant. Writes, under the output folder: jcstress's log, result file and HTML report; {@code summary.json}
 * and {@code summary.md}. Exits 1 if any claim disagrees with what was measured, a test errored, or a test
 * was not checked because the time budget ran out (each such test is named).
 *
 * <p>Settings (system properties): {@code oversell.jcstress.options}, the jcstress options;
 * {@code oversell.jcstress.budgetSeconds}, the budget for the whole run; {@code oversell.variant}, one variant
 * (or {@code actor-runtime}) instead of all; {@code oversell.jcstress.scenarios}, the scenarios every variant runs
 * ({@code all}, or names separated by commas).
 */
public final class StressRun {

    static final String GENERATED = "dev.oversell.stress.generated";
    static final String RUNTIME = "dev.oversell.stress.runtime";
    static final String DEFAULT_OPTIONS = "-m quick -sc false -f 1 -fsm 1 -iters 1 -time 150 -strideCount 10 -strideSize 256 -pth false -hs 64"
            + " -jvmArgs -Doversell.actors.executor=calling-thread";
    static final String ACTOR_RUNTIME = "actor-runtime";

    private StressRun() {
    }

    /** One test jcstress is asked to run: its class, and the variant and scenario it checks. */
    private record Planned(String test, Class<?> type, String variant, String scenario) {
        boolean runtime() {
            return variant.equals(ACTOR_RUNTIME);
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/oversell/jcstress"));
        String optionsText = System.getProperty("oversell.jcstress.options", DEFAULT_OPTIONS).trim();
        long budgetSeconds = Long.getLong("oversell.jcstress.budgetSeconds", 420);
        String only = System.getProperty("oversell.variant", "").trim();
        String scenarios = System.getProperty("oversell.jcstress.scenarios", "all").trim();
        List<String> chosen = scenarios.equals("all") ? null : Arrays.stream(scenarios.split(",")).map(String::trim).toList();

        List<Planned> listed = new ArrayList<>();
        for (String test : listedTests()) {
            Class<?> type = Class.forName(test, false, StressRun.class.getClassLoader());
            if (test.startsWith(GENERATED + ".")) {
                listed.add(new Planned(test, type, (String) type.getField("VARIANT").get(null),
                        (String) type.getField("SCENARIO").get(null)));
            } else if (test.startsWith(RUNTIME + ".")) {
                listed.add(new Planned(test, type, ACTOR_RUNTIME, type.getSimpleName()));
            }
        }
        List<Planned> selected = listed.stream().filter(p -> only.isEmpty() || p.variant().equals(only))
                .filter(p -> p.runtime() || chosen == null || chosen.contains(p.scenario())).toList();
        if (selected.isEmpty()) {
            System.out.println("[jcstress] FAILED: no in-memory variant is named '" + only + "'; known: "
                    + listed.stream().map(Planned::variant).distinct().toList());
            System.exit(1);
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Planned> runnable = selected.stream().filter(p -> actorsOf(p.type()) <= cpus).toList();

        System.out.printf("[jcstress] options: %s; budget %d s; scenarios: %s; %d tests (%d variants and the"
                        + " actor runtime)%n", optionsText, budgetSeconds, scenarios, runnable.size(),
                selected.stream().map(Planned::variant).filter(v -> !v.equals(ACTOR_RUNTIME)).distinct().count());
        Path resultFile = runJcstress(runnable, optionsText, out, budgetSeconds);
        Map<String, List<TestResult>> results = readResults(resultFile);

        List<ScenarioResult> judged = new ArrayList<>();
        for (Planned p : selected) {
            Claim claim = p.runtime() ? Claim.NEVER_OVERSELLS
                    : Variants.byName(p.variant(), InMemoryVariant.class).claim();
            List<TestResult> ofTest = results.getOrDefault(p.test(), List.of());
            if (actorsOf(p.type()) > cpus) {
                String note = p.scenario() + " needs " + actorsOf(p.type()) + " CPUs (one per jcstress actor); this"
                        + " machine has " + cpus + ", so jcstress cannot run it here";
                judged.add(new ScenarioResult(p.variant(), claim.name(), p.scenario(), p.test(), "SKIPPED", 0, 0, 0, 0,
                        List.of(), "skipped", null, note));
            } else if (ofTest.isEmpty()) {
                judged.add(new ScenarioResult(p.variant(), claim.name(), p.scenario(), p.test(), "NOT CHECKED", 0, 0, 0,
                        0, List.of(), "not checked", p.test() + " was not checked: jcstress produced no result for it"
                        + " within the time budget of " + budgetSeconds + " s (see " + out.resolve("jcstress.log")
                        + "); raise -Doversell.jcstress.budgetSeconds or run it alone: mvn -pl stress -am verify -DskipTests"
                        + " -Doversell.jcstress.skip=false -Doversell.variant=" + p.variant(), null));
            } else if (p.runtime()) {
                judged.add(StressGate.judgeRuntime(p.type(), ofTest));
            } else {
                judged.add(StressGate.judge(p.variant(), claim, p.scenario(), p.type(), ofTest));
            }
        }
        judged = demonstrated(judged);

        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), judged);
        String summary = StressSummary.markdown(judged, optionsText);
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println(summary);
        List<String> problems = judged.stream().filter(ScenarioResult::failed).map(ScenarioResult::problem).toList();
        if (!problems.isEmpty()) {
            System.out.println("[jcstress] FAILED:");
            problems.forEach(p -> System.out.println("[jcstress]   " + p));
            System.exit(1);
        }
        System.out.println("[jcstress] every claim agrees with what was measured; written to " + out);
    }

    /** A "may oversell" variant must show an oversell in some scenario; the first row says why it did not. */
    private static List<ScenarioResult> demonstrated(List<ScenarioResult> judged) {
        Map<String, List<ScenarioResult>> byVariant = judged.stream()
                .collect(Collectors.groupingBy(ScenarioResult::variant, LinkedHashMap::new, Collectors.toList()));
        List<ScenarioResult> out = new ArrayList<>();
        byVariant.forEach((variant, rows) -> {
            Claim claim = Claim.valueOf(rows.get(0).claim());
            List<Finding> findings = rows.stream().map(ScenarioResult::verdict)
                    .filter(v -> Arrays.stream(Finding.values()).anyMatch(f -> f.word().equals(v)))
                    .map(Finding::ofWord).toList();
            String problem = claim == Claim.MAY_OVERSELL && rows.stream().noneMatch(ScenarioResult::failed)
                    ? Judge.disagreement(variant, "jcstress (every scenario)", claim, findings)
                    .map(why -> why + ". Run longer: mvn verify -Pthorough").orElse(null) : null;
            for (int i = 0; i < rows.size(); i++) {
                out.add(i == 0 && problem != null ? rows.get(i).withProblem(problem) : rows.get(i));
            }
        });
        return out;
    }

    /** Runs jcstress once over {@code tests}, stopped at the budget; the result file it wrote (maybe cut short). */
    private static Path runJcstress(List<Planned> tests, String optionsText, Path out, long budgetSeconds)
            throws IOException, InterruptedException {
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("jcstress-results-")).toList()) {
                Files.delete(p);
            }
        }
        String filter = tests.stream().map(p -> Pattern.quote(p.test())).collect(Collectors.joining("|", "^(", ")$"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "org.openjdk.jcstress.Main", "-t", filter, "-r", out.resolve("html").toString()));
        command.addAll(Arrays.asList(optionsText.split("\\s+")));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(out.toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("jcstress.log").toFile()).start();
        if (!process.waitFor(budgetSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            System.out.printf("[jcstress] stopped: the time budget of %d s ran out; tests without a result are"
                    + " reported as not checked%n", budgetSeconds);
        } else {
            System.out.printf("[jcstress] jcstress ran %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
        try (Stream<Path> files = Files.list(out)) {
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

    private static int actorsOf(Class<?> test) {
        return (int) Arrays.stream(test.getMethods())
                .filter(m -> m.isAnnotationPresent(org.openjdk.jcstress.annotations.Actor.class)).count();
    }

    /**
     * The tests jcstress's annotation processor registered in this module. Each line of META-INF/TestList is
     * {@code JCTEST} followed by length-prefixed fields ({@code <length>S<text>}); the first is the test name.
     */
    static List<String> listedTests() throws IOException {
        List<String> tests = new ArrayList<>();
        try (var in = StressRun.class.getResourceAsStream("/META-INF/TestList")) {
            if (in == null) {
                throw new IllegalStateException("no META-INF/TestList: was the jcstress annotation processor run?");
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
