package dev.oversell.stress;

import dev.oversell.report.RunReport;
import dev.oversell.design.Designs;
import dev.oversell.run.Reproduce;
import dev.oversell.stress.jcstress.StressBudget;
import dev.oversell.run.RunFolder;
import dev.oversell.run.Shard;
import dev.oversell.stress.jcstress.StressRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * jcstress for a project's own in-memory designs, from its own {@code mvn verify}. A project registers its designs
 * with a {@link dev.oversell.design.DesignProvider} (in {@code src/test/resources/META-INF/services/}) and writes
 *
 * <pre>{@code
 * class ShopStressTest extends StressSuite {}
 * }</pre>
 *
 * The test starts the stress run ({@link StressRun}) as a separate {@code java} process on this JVM's class path
 * (jcstress forks JVMs of its own, and a time budget is enforced by stopping processes), prints its output as it
 * comes, and returns what was judged as tests: for each design, one test per scenario (its verdict and samples)
 * and one "is judged by its claim" that fails with the reason and the command that reproduces it; and one test per
 * check of the actor runtime.
 *
 * <p>Settings are system properties. Every system property of the test's JVM but the JVM's and the test
 * runner's own is forwarded to the run as it is (so a project's provider sees the settings it reads); Oversell's:
 * {@code oversell.design} (one design), {@code oversell.jcstress.scenarios} ({@code all} or names),
 * {@code oversell.jcstress.options}, {@code oversell.jcstress.secondsPerDesign} (default 60: the run's budget is
 * that per design, so a project of many designs gets every scenario checked) or {@code oversell.jcstress.budgetSeconds}
 * (the whole run's, instead), {@code oversell.jcstress.minSamples} (the floor below which a held scenario is run
 * again longer, then not checked; {@link StressBudget}),
 * {@code oversell.jcstress.dir} (default {@code jcstress/} in the run folder); {@code oversell.shard} (a shard of
 * the run, {@link Shard}: a design, or the actor runtime, is a unit); {@code oversell.jcstress.skip=true}
 * skips jcstress (one skipped test says so); {@code oversell.reproduce.mvn} is how a failure's reproduce command
 * starts (default {@code mvn verify}).
 */
public abstract class StressSuite {

    /** Time the run may take past its budget (JVM starts, judging, writing), after which it is stopped and fails. */
    private static final long GRACE_SECONDS = 120;
    private static final int TAIL_LINES = 40;

    @TestFactory
    @DisplayName("jcstress")
    public List<DynamicNode> jcstressJudgesEveryInMemoryDesign() throws IOException, InterruptedException {
        if (Boolean.getBoolean("oversell.jcstress.skip")) {
            return List.of(dynamicTest("jcstress", () -> abort("jcstress is skipped: -Doversell.jcstress.skip=true")));
        }
        dev.oversell.run.CheckerVersions.JCSTRESS.require();
        List<String> units = StressRun.units(System.getProperty(Designs.ONLY, "").trim());
        Shard shard = Shard.current();
        if (units.stream().noneMatch(shard::runs)) {
            System.out.println(shard.nothingToDo(StressRun.FAMILY, units));
            return List.of();
        }
        Path out = Path.of(System.getProperty("oversell.jcstress.dir", RunFolder.dir("jcstress").toString())).toAbsolutePath();
        Reproduce.ranBy(StressSuite.class, getClass());
        String reproduce = Reproduce.command(StressSuite.class);
        // the designs the run will take (every one, or those -Doversell.design names), and the actor runtime's
        // tests when no design is named
        String only = System.getProperty(Designs.ONLY, "").trim();
        long limitSeconds = StressBudget.seconds(Math.max(1, Designs.inMemory().size()), only.isEmpty())
                + GRACE_SECONDS;

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
            if (forwarded(p.getKey().toString())) {
                command.add("-D" + p.getKey() + "=" + p.getValue());
            }
        }
        command.add("-Doversell.stress.reproduce=" + reproduce);
        command.addAll(List.of(StressRun.class.getName(), out.toString()));

        JudgedTests.forget(out); // a run that dies early must not leave an earlier run's evidence to be read
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        Thread printer = new Thread(() -> printAndKeepTail(run, tail), "stress-run-output");
        printer.start();
        boolean finished = run.waitFor(limitSeconds, TimeUnit.SECONDS);
        if (!finished) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly().waitFor();
        }
        printer.join(TimeUnit.SECONDS.toMillis(10));
        String lastLines;
        synchronized (tail) {
            lastLines = String.join("\n", tail);
        }
        String exit = finished ? "exited " + run.exitValue()
                : "was stopped after " + limitSeconds + " s (the budget of -Doversell.jcstress.secondsPerDesign and "
                + GRACE_SECONDS + " s)";
        RunReport.refresh();
        return JudgedTests.of(out, finished && run.exitValue() == 0, "the stress run " + exit + "; its last lines:\n"
                + lastLines + "\nReproduce: " + reproduce);
    }

    private static void printAndKeepTail(Process run, Deque<String> tail) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM's, the OS's and the test runner's own properties stay; Oversell's and the project's go with the run. */
    private static boolean forwarded(String property) {
        return JVM_OWN.stream().noneMatch(property::startsWith);
    }

    private static final List<String> JVM_OWN = List.of("java.", "javax.", "jdk.", "sun.", "os.", "user.", "file.",
            "line.", "path.", "native.", "awt.", "surefire.", "basedir", "localRepository", "stdout.", "stderr.");
}
