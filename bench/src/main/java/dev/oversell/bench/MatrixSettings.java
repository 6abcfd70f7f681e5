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
 * environment variables ({@code OVERSELL_BENCH_FORKS=3}). The defaults are configurations chosen for what they show,
 * each measured for three iterations of a second (so that JMH computes its error and the summary can say which
 * comparisons are separable): 1 and 4 threads or clients (one buyer, and more buyers than the 2 cores this matrix
 * was sized on; {@code -Doversell.bench.threads=1,2,4,8} for a study of scaling); on the databases, PostgreSQL and MariaDB (H2, in process, times the
 * driver and the design's own code more than a database) and {@link #DATABASE_DESIGNS}, one design per mechanism,
 * with the check-then-act that oversells as the speed of no coordination.
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code oversell.bench.forks}</td><td>1</td><td>JVM forks per benchmark and parameter set</td></tr>
 *   <tr><td>{@code oversell.bench.warmupIterations}</td><td>1</td><td>warm-up iterations per fork</td></tr>
 *   <tr><td>{@code oversell.bench.warmupMillis}</td><td>1000</td><td>length of a warm-up iteration</td></tr>
 *   <tr><td>{@code oversell.bench.iterations}</td><td>3</td><td>measurement iterations per fork</td></tr>
 *   <tr><td>{@code oversell.bench.iterationMillis}</td><td>1000</td><td>length of a measurement iteration</td></tr>
 *   <tr><td>{@code oversell.bench.threads}</td><td>1,4</td><td>in-memory thread counts</td></tr>
 *   <tr><td>{@code oversell.bench.clients}</td><td>1,4</td><td>database, Redis and cluster client counts</td></tr>
 *   <tr><td>{@code oversell.bench.clusterWarmupIterations}</td><td>10</td><td>warm-up iterations per fork of the
 *       cluster benchmark: its three node JVMs start cold with each fork</td></tr>
 *   <tr><td>{@code oversell.bench.groups}</td><td>in-memory,database,redis,cluster</td><td>which groups to run</td></tr>
 *   <tr><td>{@code oversell.bench.designs}</td><td>every in-memory and Redis design, and {@link #DATABASE_DESIGNS}
 *       </td><td>catalogue designs to run (comma-separated), or {@code all}; the references always run</td></tr>
 *   <tr><td>{@code oversell.bench.heap}</td><td>4g</td><td>{@code -Xmx} of every fork</td></tr>
 *   <tr><td>{@code oversell.bench.out}</td><td>{@code <runs>/<run id>/jmh}</td><td>where the files go (by
 *       default the run's folder, {@link RunFolder}: {@code target/oversell/runs/<oversell.runId>/jmh})</td></tr>
 *   <tr><td>{@code oversell.engines}</td><td>postgresql,mariadb</td><td>engines, as for every Oversell suite (whose
 *       default includes H2); {@code oversell.postgresql.url} and the other database settings are passed on to the
 *       forks</td></tr>
 * </table>
 */
public record MatrixSettings(int forks, int warmupIterations, int warmupMillis, int iterations, int iterationMillis,
                             int clusterWarmupIterations, List<Integer> threads, List<Integer> clients,
                             Set<String> groups, Set<String> variants, String heap, Path output) {

    /**
     * The database designs measured unless {@code oversell.bench.designs} names others: one per mechanism (one
     * guarded statement, a row lock, an optimistic version, an isolation level, a single owner, the same guarded
     * statement on Spring's {@code JdbcTemplate}, a JPA lock), and the read-then-write that oversells, as the speed of
     * no coordination. The sharded owner's companions ({@code BenchMain}) are among them.
     */
    public static final List<String> DATABASE_DESIGNS = List.of("db-read-write-read-committed", "db-conditional-update",
            "db-select-for-update", "db-optimistic-version", "db-read-write-serializable", "db-single-owner-actor",
            "jdbc-template-guarded-update", "jpa-pessimistic-write");
    /** The engines the database group measures unless {@code oversell.engines} names others. */
    public static final String ENGINES = "postgresql,mariadb";
    /** What {@code oversell.bench.designs} says for every design of every group. */
    public static final String ALL = "all";

    public static MatrixSettings fromSystemProperties() {
        return new MatrixSettings(
                number("oversell.bench.forks", 1),
                number("oversell.bench.warmupIterations", 1),
                number("oversell.bench.warmupMillis", 1000),
                number("oversell.bench.iterations", 3),
                number("oversell.bench.iterationMillis", 1000),
                number("oversell.bench.clusterWarmupIterations", 10),
                list("oversell.bench.threads", "1,4").stream().map(Integer::parseInt).toList(),
                list("oversell.bench.clients", "1,4").stream().map(Integer::parseInt).toList(),
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

    /**
     * Whether in-memory or Redis design {@code name} is asked for (all are, unless {@code oversell.bench.designs}
     * names others).
     */
    public boolean includes(String name) {
        return variants.isEmpty() || variants.contains(ALL) || variants.contains(name);
    }

    /**
     * Whether database design {@code name} is asked for: one of {@link #DATABASE_DESIGNS} unless
     * {@code oversell.bench.designs} names others, or says {@code all}.
     */
    public boolean includesDatabase(String name) {
        return variants.isEmpty() ? DATABASE_DESIGNS.contains(name) : variants.contains(ALL) || variants.contains(name);
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
        if (variants.isEmpty()) {
            line.append("; database designs ").append(String.join(", ", DATABASE_DESIGNS));
        } else {
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
