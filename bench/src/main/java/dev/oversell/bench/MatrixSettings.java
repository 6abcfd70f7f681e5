package dev.oversell.bench;

import dev.oversell.bench.results.Measurement;
import dev.oversell.run.RunFolder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.oversell.store.DatabaseSettings.setting;

/**
 * The settings of one {@link BenchMain} run, read from system properties ({@code -Doversell.bench.forks=3}) or
 * environment variables ({@code OVERSELL_BENCH_FORKS=3}), with defaults sized for the whole matrix to finish in
 * minutes on 2 cores with 3 engines (8 min 20 s measured before the Spring, JPA and DAO designs were added,
 * which add a few; the cluster about 2 of them):
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code oversell.bench.forks}</td><td>1</td><td>JVM forks per benchmark and parameter set</td></tr>
 *   <tr><td>{@code oversell.bench.warmupIterations}</td><td>1</td><td>warm-up iterations per fork</td></tr>
 *   <tr><td>{@code oversell.bench.warmupMillis}</td><td>500</td><td>length of a warm-up iteration</td></tr>
 *   <tr><td>{@code oversell.bench.iterations}</td><td>2</td><td>measurement iterations per fork</td></tr>
 *   <tr><td>{@code oversell.bench.iterationMillis}</td><td>500</td><td>length of a measurement iteration</td></tr>
 *   <tr><td>{@code oversell.bench.threads}</td><td>1,2,4,8</td><td>in-memory thread counts</td></tr>
 *   <tr><td>{@code oversell.bench.clients}</td><td>1,4,8</td><td>database client counts</td></tr>
 *   <tr><td>{@code oversell.bench.clusterWarmupIterations}</td><td>20</td><td>warm-up iterations per fork of the
 *       cluster benchmark: its three node JVMs start cold with each fork</td></tr>
 *   <tr><td>{@code oversell.bench.groups}</td><td>in-memory,database,redis,cluster</td><td>which groups to run</td></tr>
 *   <tr><td>{@code oversell.bench.designs}</td><td>all</td><td>catalogue designs to run (comma-separated);
 *       the references always run</td></tr>
 *   <tr><td>{@code oversell.bench.heap}</td><td>4g</td><td>{@code -Xmx} of every fork</td></tr>
 *   <tr><td>{@code oversell.bench.out}</td><td>{@code <runs>/<run id>/jmh}</td><td>where the files go (by
 *       default the run's folder, {@link RunFolder}: {@code target/oversell/runs/<oversell.runId>/jmh})</td></tr>
 *   <tr><td>{@code oversell.engines}</td><td>h2,postgresql,mariadb</td><td>engines, as for every Oversell suite;
 *       {@code oversell.postgresql.url} and the other database settings are passed on to the forks</td></tr>
 * </table>
 */
public record MatrixSettings(int forks, int warmupIterations, int warmupMillis, int iterations, int iterationMillis,
                             int clusterWarmupIterations, List<Integer> threads, List<Integer> clients,
                             Set<String> groups, Set<String> variants, String heap, Path output) {

    public static MatrixSettings fromSystemProperties() {
        return new MatrixSettings(
                number("oversell.bench.forks", 1),
                number("oversell.bench.warmupIterations", 1),
                number("oversell.bench.warmupMillis", 500),
                number("oversell.bench.iterations", 2),
                number("oversell.bench.iterationMillis", 500),
                number("oversell.bench.clusterWarmupIterations", 20),
                list("oversell.bench.threads", "1,2,4,8").stream().map(Integer::parseInt).toList(),
                list("oversell.bench.clients", "1,4,8").stream().map(Integer::parseInt).toList(),
                Set.copyOf(list("oversell.bench.groups",
                        Measurement.IN_MEMORY + "," + Measurement.DATABASE + "," + Measurement.REDIS + ","
                                + Measurement.CLUSTER)),
                Set.copyOf(list("oversell.bench.designs", "")),
                setting("oversell.bench.heap", "4g"),
                Path.of(setting("oversell.bench.out", RunFolder.runs().resolve(RunFolder.id()).resolve("jmh").toString()))
                        .toAbsolutePath().normalize());
    }

    public boolean runs(String group) {
        return groups.contains(group);
    }

    /** Whether catalogue design {@code name} is asked for (all are, unless {@code oversell.bench.designs} is set). */
    public boolean includes(String name) {
        return variants.isEmpty() || variants.contains(name);
    }

    /** The settings in one line, for the summary. */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "forks %d, warm-up %d × %d ms, measurement %d × %d ms per benchmark", forks, warmupIterations,
                warmupMillis, iterations, iterationMillis));
        if (runs(Measurement.IN_MEMORY)) {
            line.append("; in memory at ").append(join(threads)).append(" threads");
        }
        if (runs(Measurement.DATABASE)) {
            line.append("; databases at ").append(join(clients)).append(" clients");
        }
        if (runs(Measurement.REDIS)) {
            line.append("; Redis at ").append(join(clients)).append(" clients");
        }
        if (runs(Measurement.CLUSTER)) {
            line.append("; the cluster at ").append(join(clients)).append(" clients, warm-up ")
                    .append(clusterWarmupIterations).append(" × ").append(warmupMillis).append(" ms");
        }
        if (!variants.isEmpty()) {
            line.append("; designs ").append(String.join(", ", variants.stream().sorted().toList()));
        }
        return line.append("; fork heap -Xmx").append(heap).toString();
    }

    private static String join(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static int number(String name, int defaultValue) {
        return Integer.parseInt(setting(name, String.valueOf(defaultValue)).trim());
    }

    private static List<String> list(String name, String defaultValue) {
        return Arrays.stream(setting(name, defaultValue).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
