package dev.oversell.bench.results;

import dev.oversell.run.Environment;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ratios.json}: the ratios of one benchmark run, with the id of the run they belong to (the report of a
 * run refuses the ratios of another as stale) and the JVM that measured them: JMH's forks, not the launcher
 * (their JVM arguments, such as {@code -Xmx4g}, are the forks').
 *
 * @param runId      the run these results belong to ({@code dev.oversell.run.RunFolder#id()})
 * @param measuredOn the forks' JVM as JMH recorded it; null when no benchmark produced a result
 * @param ratios     one {@link Ratio} per result
 */
public record RatiosFile(String runId, Environment measuredOn, List<Ratio> ratios) {

    private static final Pattern MAX_HEAP = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    /** The ratios of a run, with the JVM of its first result's forks. */
    public static RatiosFile of(String runId, Collection<RunResult> results, List<Ratio> ratios) {
        return new RatiosFile(runId, results.isEmpty() ? null : forkOf(results.iterator().next().getParams()),
                List.copyOf(ratios));
    }

    /**
     * The JVM a fork ran in: Java version, VM and JVM arguments as JMH recorded them; the heap from the forks'
     * last {@code -Xmx} (0 when they set none); the machine (CPUs, OS) and the vendor are the launcher's, the
     * vendor only when the forks ran the launcher's own {@code java}.
     */
    static Environment forkOf(BenchmarkParams params) {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        boolean sameJava = params.getJvm() != null && Path.of(params.getJvm()).toAbsolutePath().normalize()
                .equals(launcher.toAbsolutePath().normalize());
        return new Environment(params.getJdkVersion(), params.getVmName() + " " + params.getVmVersion(),
                sameJava ? System.getProperty("java.vendor") : "unknown (forks ran " + params.getJvm() + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), maxHeapMiB(params.getJvmArgs()),
                String.join(" ", params.getJvmArgs()));
    }

    /** The last {@code -Xmx} among {@code jvmArgs}, in MiB; 0 when there is none (the JVM's default heap). */
    static long maxHeapMiB(Collection<String> jvmArgs) {
        long mib = 0;
        for (String arg : jvmArgs) {
            Matcher m = MAX_HEAP.matcher(arg);
            if (m.matches()) {
                long value = Long.parseLong(m.group(1));
                mib = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "g" -> value * 1024;
                    case "m" -> value;
                    case "k" -> value / 1024;
                    default -> value / (1024 * 1024);
                };
            }
        }
        return mib;
    }
}
