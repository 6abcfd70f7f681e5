package dev.oversell.stress.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oversell.catalogue.Catalogue;
import dev.oversell.catalogue.Claim;
import dev.oversell.catalogue.Deployment;
import dev.oversell.catalogue.Variant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stress suite, as {@code mvn verify} runs it: one jcstress run per catalogue variant over every scenario
 * (the variant passed as {@code -Doversell.variant}), one run of the actor-runtime tests, then the
 * {@link StressGate} on each. Writes, under the output folder: one folder per run with jcstress's log, result
 * file and HTML report; {@code summary.json} and {@code summary.md}. Exits 1 if any claim disagrees with what
 * was measured, a test errored or did not run, or the time budget ran out.
 *
 * <p>Settings (system properties): {@code oversell.jcstress.options}, the jcstress options for each run;
 * {@code oversell.jcstress.budgetSeconds}, the budget for the whole suite; {@code oversell.variant}, one
 * variant (or {@code actor-runtime}) instead of all.
 */
public final class StressRun {

    static final String SCENARIOS = "dev.oversell.stress.scenarios";
    static final String RUNTIME = "dev.oversell.stress.runtime";
    static final String DEFAULT_OPTIONS = "-m quick -sc false -f 1 -iters 2 -time 500 -strideCount 1 -strideSize 200";

    private StressRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/oversell/jcstress"));
        String optionsText = System.getProperty("oversell.jcstress.options", DEFAULT_OPTIONS).trim();
        List<String> options = Arrays.asList(optionsText.split("\\s+"));
        long deadline = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(Long.getLong("oversell.jcstress.budgetSeconds", 240));
        List<String> tests = listedTests();
        List<ScenarioResult> results = new ArrayList<>();

        System.out.printf("[jcstress] options: %s; budget %ss; %d in-memory variants%n", optionsText,
                System.getProperty("oversell.jcstress.budgetSeconds", "240"), Catalogue.inMemory().size());
        String only = System.getProperty("oversell.variant", "").trim();
        for (Variant variant : Catalogue.inMemory()) {
            if (!only.isEmpty() && !only.equals(variant.name())) {
                continue;
            }
            Claim claim = variant.claim(Deployment.SINGLE_INSTANCE);
            results.addAll(run(variant.name(), claim, SCENARIOS, "-Doversell.variant=" + variant.name(),
                    tests, options, out, deadline));
        }
        if (only.isEmpty() || only.equals("actor-runtime")) {
            results.addAll(run("actor-runtime", Claim.NEVER_OVERSELLS, RUNTIME, "-Doversell.variant=none",
                    tests, options, out, deadline));
        }
        if (results.isEmpty()) {
            System.out.println("[jcstress] FAILED: no in-memory variant is named '" + only + "'");
            System.exit(1);
        }

        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), results);
        String summary = StressSummary.markdown(results, optionsText);
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println(summary);
        List<String> problems = results.stream().filter(ScenarioResult::failed).map(ScenarioResult::problem).toList();
        if (!problems.isEmpty()) {
            System.out.println("[jcstress] FAILED:");
            problems.forEach(p -> System.out.println("[jcstress]   " + p));
            System.exit(1);
        }
        System.out.println("[jcstress] every claim agrees with what was measured; written to " + out);
    }

    private static List<ScenarioResult> run(String name, Claim claim, String testPackage, String jvmArgs,
                                            List<String> tests, List<String> options, Path out, long deadline)
            throws IOException, InterruptedException, ClassNotFoundException {
        List<String> inPackage = tests.stream().filter(t -> t.startsWith(testPackage + ".")).toList();
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> expected = inPackage.stream().filter(t -> actorsOf(t) <= cpus).toList();
        List<ScenarioResult> skipped = inPackage.stream().filter(t -> actorsOf(t) > cpus).map(t -> {
            String note = StressGate.simpleName(t) + " needs " + actorsOf(t) + " CPUs (one per jcstress actor);"
                    + " this machine has " + cpus + ", so jcstress cannot run it here";
            System.out.println("[jcstress] SKIPPED for " + name + ": " + note);
            return new ScenarioResult(name, claim.name(), StressGate.simpleName(t), "SKIPPED", 0, 0, 0, List.of(),
                    "skipped", null, note);
        }).toList();
        Path dir = Files.createDirectories(out.resolve(name));
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("jcstress-results-")).toList()) {
                Files.delete(p);
            }
        }
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "org.openjdk.jcstress.Main", "-t", testPackage.replace(".", "\\.") + "\\.", "-r",
                    dir.resolve("html").toString(), "-jvmArgs", jvmArgs));
            command.addAll(options);
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("jcstress.log").toFile()).start();
            if (!process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                System.out.printf("[jcstress] %s: stopped, the time budget ran out%n", name);
            } else {
                System.out.printf("[jcstress] %s: jcstress ran %d s%n", name,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        }
        List<ScenarioResult> judged = new ArrayList<>(StressGate.judge(name, claim, dir, expected));
        judged.addAll(skipped);
        return judged;
    }

    private static int actorsOf(String test) {
        try {
            return (int) Arrays.stream(Class.forName(test, false, StressRun.class.getClassLoader()).getMethods())
                    .filter(m -> m.isAnnotationPresent(org.openjdk.jcstress.annotations.Actor.class)).count();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("listed jcstress test not on the classpath: " + test, e);
        }
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
