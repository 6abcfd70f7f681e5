package dev.oversell.bench;

import dev.oversell.bench.cluster.ShardedOwnerBenchmark;
import dev.oversell.bench.database.DatabaseDesignBenchmark;
import dev.oversell.bench.database.RawJdbcFloorBenchmark;
import dev.oversell.bench.inmemory.CasLoopReferenceBenchmark;
import dev.oversell.bench.redis.RedisCeiling;
import dev.oversell.bench.redis.RedisDesignBenchmark;
import dev.oversell.catalogue.redis.RedisDesigns;
import dev.oversell.redis.RedisDesign;
import dev.oversell.redis.RedisEndpoint;
import dev.oversell.redis.RedisSettings;
import io.lettuce.core.RedisURI;
import dev.oversell.bench.results.Measurement;
import dev.oversell.bench.results.Ratio;
import dev.oversell.bench.results.Ratios;
import dev.oversell.bench.results.RatiosFile;
import dev.oversell.bench.results.ResultFiles;
import dev.oversell.bench.results.RunInfo;
import dev.oversell.bench.results.SummaryMarkdown;
import dev.oversell.design.Designs;
import dev.oversell.design.Design;
import dev.oversell.run.RunFolder;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.StoreException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the whole "cost of safety" matrix in one go, through JMH's Runner API, and writes
 * {@code results.json}, {@code ratios.json} and {@code summary.md} (see {@code ResultFiles}) into the run's
 * folder, {@code <runs>/<run id>/jmh/} ({@code -Doversell.runId}, {@code -Doversell.runsDir}: {@code ./verdicts}
 * gives the benchmarks the id of the {@code mvn verify} that follows, so that run's report shows them):
 * <ol>
 *   <li>in memory, at each thread count: the CAS loop (the reference), every in-memory catalogue design,
 *       Oversell's actor runtime and Apache Pekko typed, each asked blocking and pipelined;</li>
 *   <li>on each engine that answers, at each client count: the raw conditional {@code UPDATE} (the reference)
 *       and every database catalogue design. An engine that cannot be reached is skipped with a message
 *       saying why, and the summary says so too.</li>
 *   <li>through the cluster, on each server engine that answers (not H2: the node processes need a server
 *       between them), at each client count: the single owner on Pekko Cluster Sharding, fenced
 *       ({@link ShardedOwnerBenchmark}: each fork starts and kills a three-node cluster), divided by the same
 *       floor. Its companions, the floor, {@value #CONDITIONAL_UPDATE} and {@value #HOME_MADE_OWNER}, come from
 *       the database group; when that group is not run, they are measured with the cluster.</li>
 * </ol>
 * Each result is then divided by its reference from the same run. Nothing is asserted: this is measurement.
 *
 * <p><b>Run:</b> {@code mvn -B -q -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar}
 * (8 min 20 s on 2 cores with 3 engines measured before the Spring, JPA and DAO designs were added, which add
 * a few minutes; the cluster about 2 of them). Settings: {@link MatrixSettings}, and {@code docs/benchmarks.md}.
 */
public final class BenchMain {

    private static final String BUILD_COMMAND = "mvn -B -q -pl bench -am package -DskipTests";
    /** The sharded owner's companions in the cluster group: the cheapest safe design and the home-made owner. */
    static final String CONDITIONAL_UPDATE = "db-conditional-update";
    static final String HOME_MADE_OWNER = "db-single-owner-actor";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MatrixSettings settings = MatrixSettings.fromSystemProperties();
        ResultFiles files = new ResultFiles(settings.output());
        System.out.println("[bench] " + settings.describe());
        System.out.println("[bench] run " + RunFolder.id() + ": writing to " + files.folder());

        List<RunResult> results = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        if (settings.runs(Measurement.IN_MEMORY)) {
            String[] variants = names(Designs.inMemory(), settings);
            for (int threads : settings.threads()) {
                System.out.println("[bench] in memory, " + threads + " thread(s)");
                var options = options(settings, threads)
                        .include("^" + Pattern.quote(CasLoopReferenceBenchmark.class.getPackageName() + "."));
                if (variants.length == 0) {
                    options.exclude("CatalogueDesignBenchmark");
                } else {
                    options.param("design", variants);
                }
                run(options, Measurement.IN_MEMORY, results, measurements, files);
            }
        }
        Map<String, String> engines = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<Engine> reachable = settings.runs(Measurement.DATABASE) || settings.runs(Measurement.CLUSTER)
                ? reachable(engines, skipped) : List.of();
        if (settings.runs(Measurement.DATABASE)) {
            String[] variants = Designs.overStores().stream().map(Design::name).filter(settings::includesDatabase)
                    .toArray(String[]::new);
            for (Engine engine : reachable) {
                for (int clients : settings.clients()) {
                    System.out.println("[bench] " + engine.label() + ", " + clients + " client(s)");
                    var options = options(settings, clients)
                            .include("^" + Pattern.quote(RawJdbcFloorBenchmark.class.getName() + "."))
                            .param("engine", engine.key());
                    if (variants.length > 0) {
                        options.include("^" + Pattern.quote(DatabaseDesignBenchmark.class.getName() + "."))
                                .param("design", variants);
                    }
                    run(options, Measurement.DATABASE, results, measurements, files);
                }
            }
        }
        if (settings.runs(Measurement.REDIS)) {
            redis(settings, engines, skipped, results, measurements, files);
        }
        if (settings.runs(Measurement.CLUSTER)) {
            cluster(settings, reachable, results, measurements, files);
        }

        List<String> order = designOrder();
        List<Ratio> ratios = Ratios.of(measurements, order);
        Duration took = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        RunInfo run = new RunInfo(started, took, command(), BUILD_COMMAND,
                Runtime.getRuntime().availableProcessors() + " CPUs (" + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ")",
                "Java " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")",
                results.isEmpty() ? "?" : results.get(0).getParams().getJmhVersion(),
                org.apache.pekko.Version.current(), settings.describe(), engines, skipped, settings.threads(),
                settings.clients());
        files.writeJmhResults(results);
        files.writeRatios(RatiosFile.of(RunFolder.id(), results, ratios));
        Path summary = files.writeSummary(SummaryMarkdown.of(ratios, run));
        System.out.println();
        System.out.println("[bench] done in " + took.toMinutes() + " min " + took.toSecondsPart() + " s: "
                + measurements.size() + " results; " + summary);
        skipped.forEach((engine, why) -> System.out.println("[bench] SKIPPED " + engine + ": " + why)); // again, last
    }

    /**
     * The cluster group: on each reachable server engine, at each client count, one JMH run of the sharded owner
     * (a fork that starts a cluster, warms it up for {@code clusterWarmupIterations}, measures, kills it); then, if
     * the database group did not measure them, the floor and the two companions with the same clients.
     */
    private static void cluster(MatrixSettings settings, List<Engine> reachable, List<RunResult> results,
                                List<Measurement> measurements, ResultFiles files) throws Exception {
        List<String> missing = Stream.of(CONDITIONAL_UPDATE, HOME_MADE_OWNER)
                .filter(name -> !settings.runs(Measurement.DATABASE) || !settings.includesDatabase(name)).toList();
        boolean floorMissing = !settings.runs(Measurement.DATABASE);
        for (Engine engine : reachable) {
            if (engine == Engine.H2) {
                System.out.println("[bench] the cluster leaves H2 out: its node processes need one database server"
                        + " between them");
                continue;
            }
            for (int clients : settings.clients()) {
                System.out.println("[bench] " + engine.label() + " through a 3-node Pekko cluster, " + clients
                        + " client(s)");
                var options = options(settings, clients)
                        .warmupIterations(settings.clusterWarmupIterations())
                        .include("^" + Pattern.quote(ShardedOwnerBenchmark.class.getName() + "."))
                        .param("engine", engine.key());
                run(options, Measurement.CLUSTER, results, measurements, files);
                if (floorMissing || !missing.isEmpty()) {
                    System.out.println("[bench] " + engine.label() + ", " + clients + " client(s): beside it, "
                            + (floorMissing ? "the floor and " : "") + String.join(", ", missing));
                    var companions = options(settings, clients).param("engine", engine.key());
                    if (floorMissing) {
                        companions.include("^" + Pattern.quote(RawJdbcFloorBenchmark.class.getName() + "."));
                    }
                    if (!missing.isEmpty()) {
                        companions.include("^" + Pattern.quote(DatabaseDesignBenchmark.class.getName() + "."))
                                .param("design", missing.toArray(String[]::new));
                    }
                    run(companions, Measurement.DATABASE, results, measurements, files);
                }
            }
        }
    }

    /**
     * The Redis group, on the configured Redis if it answers: at each client count, every Redis design
     * ({@link RedisDesignBenchmark}), then Redis's own {@code DECRBY} rate with as many connections
     * ({@link RedisCeiling}), which their ratios are to.
     */
    private static void redis(MatrixSettings settings, Map<String, String> versions, Map<String, String> skipped,
                              List<RunResult> results, List<Measurement> measurements, ResultFiles files)
            throws Exception {
        RedisURI server = RedisSettings.uri();
        try (RedisEndpoint redis = RedisEndpoint.at(server); var connection = redis.client().connect()) {
            String info = connection.sync().info("server");
            versions.put(Measurement.REDIS, "Redis " + info.lines().filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?") + " at "
                    + server.getHost() + ":" + server.getPort());
        } catch (RuntimeException unreachable) {
            String why = "Redis at " + server.getHost() + ":" + server.getPort() + " did not answer ("
                    + unreachable.getMessage() + "). Its benchmarks were skipped.";
            System.out.println("[bench] SKIPPING Redis: " + why);
            skipped.put(Measurement.REDIS, why);
            return;
        }
        String[] designs = RedisDesigns.all().stream().map(RedisDesign::name).filter(settings::includes)
                .toArray(String[]::new);
        for (int clients : settings.clients()) {
            System.out.println("[bench] Redis, " + clients + " client(s)");
            if (designs.length > 0) {
                run(options(settings, clients).include("^" + Pattern.quote(RedisDesignBenchmark.class.getName() + "."))
                        .param("design", designs), Measurement.REDIS, results, measurements, files);
            }
            RedisCeiling.measure(server, clients).ifPresent(measurements::add);
        }
    }

    /** The options every JMH run shares: the settings, the thread count, and the fork's JVM arguments. */
    private static ChainedOptionsBuilder options(MatrixSettings settings, int threads) {
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("-Xmx" + settings.heap());
        // the forks are new JVMs: pass on where the databases are (oversell.postgresql.url, oversell.pool.size, ...)
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("oversell.") && !name.startsWith("oversell.bench."))
                .forEach(name -> jvmArgs.add("-D" + name + "=" + System.getProperty(name)));
        if (System.getProperty(RunFolder.ID) == null) {
            // the forks write into this run's folder too (the cluster's node logs): give them its id
            jvmArgs.add("-D" + RunFolder.ID + "=" + RunFolder.id());
        }
        return new OptionsBuilder()
                .threads(threads)
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(false);
    }

    /** Runs one JMH run; a run that fails as a whole is reported and the matrix goes on. */
    private static void run(ChainedOptionsBuilder options, String group, List<RunResult> results,
                            List<Measurement> measurements, ResultFiles files) throws Exception {
        long start = System.nanoTime();
        try {
            for (RunResult result : new Runner(options.build()).run()) {
                results.add(result);
                measurements.add(Measurement.of(group, result));
            }
        } catch (RunnerException e) {
            System.out.println("[bench] this JMH run failed, going on with the rest: " + e.getMessage());
        }
        files.writeJmhResults(results);
        System.out.println("[bench] that took " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    }

    /**
     * The engines asked for ({@code oversell.engines}; by default H2, PostgreSQL and MariaDB as it is configured,
     * not the snapshot-isolation column, the same server with one setting changed: name it to measure it) that answer; the
     * others go to {@code skipped}, with why.
     */
    private static List<Engine> reachable(Map<String, String> versions, Map<String, String> skipped) {
        List<Engine> reachable = new ArrayList<>();
        for (Engine engine : DatabaseSettings.requestedEngines(MatrixSettings.ENGINES)) {
            try (Database database = DatabaseSettings.open(engine)) {
                versions.put(engine.key(), database.versionAndSettings());
                reachable.add(engine);
            } catch (StoreException unreachable) {
                String why = unreachable.getMessage() + " Its benchmarks were skipped.";
                System.out.println("[bench] SKIPPING " + engine.label() + ": " + why);
                skipped.put(engine.key(), why);
            }
        }
        return reachable;
    }

    private static String[] names(List<? extends Design> variants, MatrixSettings settings) {
        return variants.stream().map(Design::name).filter(settings::includes).toArray(String[]::new);
    }

    /** Table order: each reference first, then the catalogue's order, then the asks. */
    private static List<String> designOrder() {
        return Stream.of(Stream.of(Ratios.IN_MEMORY_REFERENCE, Ratios.DATABASE_REFERENCE, Ratios.REDIS_REFERENCE),
                        Designs.all().stream().map(Design::name), RedisDesigns.all().stream().map(RedisDesign::name),
                        Stream.of("oversell-actor-blocking-ask", "oversell-actor-pipelined-asks",
                                "pekko-blocking-ask", "pekko-pipelined-asks", ShardedOwnerBenchmark.VARIANT))
                .flatMap(s -> s).collect(Collectors.toList());
    }

    /** This run's command line, as it can be pasted to reproduce it: its -D and -X options, and the jar. */
    private static String command() {
        String options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-D") || arg.startsWith("-X"))
                .map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg)
                .collect(Collectors.joining(" "));
        String code;
        try {
            Path location = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path here = Path.of("").toAbsolutePath();
            code = location.startsWith(here) ? here.relativize(location).toString() : location.toString();
        } catch (Exception e) {
            code = "bench/target/benchmarks.jar";
        }
        String launch = code.endsWith(".jar") ? "-jar " + code
                : "-cp " + System.getProperty("java.class.path") + " " + BenchMain.class.getName();
        return ("java " + options + " " + launch).replaceAll(" +", " ");
    }
}
