package dev.oversell.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversell.design.Claim;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Observation.Counts;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.Power;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.run.Units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run measured whole, and the same run as two shards ({@code 1/2}, {@code 2/2}) would have measured it: the
 * units of {@link RunFolderFixture}'s folder, and a few more so that each shard has some of every family (an
 * in-memory design {@code delta}; {@code beta} on PostgreSQL too, and under the deployment check on both engines,
 * caught overselling on each with examples of equal length), split by {@link Shard}'s own rule. The benchmarks are in
 * shard 1's folder, the checks' power in shard 2's.
 */
final class ShardedRunFixture {

    /** Equal lengths: which engine's example a cell shows must not depend on the order the folders are read in. */
    static final String BETA_ON_H2 = "instance 1 and 2 both sold the last unit, on H2        ";
    static final String BETA_ON_POSTGRESQL = "instance 1 and 2 both sold the last unit, on PostgreSQL";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardedRunFixture() {
    }

    /** {@code runs/<RunFolderFixture.RUN>/}, every unit in it. */
    static Path whole(Path runs) throws IOException {
        Path run = RunFolderFixture.write(runs);
        Observations lincheck = record(run, "lincheck");
        JudgedDesign delta = new JudgedDesign("delta", "in-memory", "example.Delta", "CALLER_THREAD",
                "one lock around check and act", Map.of("single-instance", Claim.NEVER_OVERSELLS));
        RunFolderFixture.write(run, "lincheck", RunFolderFixture.LINCHECK_JVM,
                Stream.concat(lincheck.designs().stream(), Stream.of(delta)).toList(),
                Stream.concat(lincheck.observations().stream(), Stream.of(
                        RunFolderFixture.observation("delta", Family.LINCHECK, "model checking, last unit", null,
                                RunFolderFixture.EVERY, Finding.HELD, null, null, null, null),
                        RunFolderFixture.observation("delta", Family.LINCHECK, "model checking, two buyers of 2 units",
                                null, RunFolderFixture.EVERY, Finding.HELD, null, null, null, null))).toList());

        Observations database = record(run, "database");
        List<Observation> onBoth = new ArrayList<>(database.observations());
        onBoth.add(RunFolderFixture.observation("beta", Family.DATABASE_SCHEDULES, "last unit: r1 r2 w1 w2",
                "PostgreSQL", RunFolderFixture.EVERY, Finding.HELD, new Counts(2, 1, 0, 0), null, null, null));
        onBoth.add(RunFolderFixture.observation("beta", Family.DATABASE_LOAD, "load, seed 7", "PostgreSQL",
                RunFolderFixture.EVERY, Finding.HELD, new Counts(400, 120, 0, 0), null, null, null));
        RunFolderFixture.write(run, "database", RunFolderFixture.DATABASE_JVM, database.designs(), onBoth);

        RunFolderFixture.write(run, "deployment", RunFolderFixture.DATABASE_JVM, database.designs(), List.of(
                RunFolderFixture.observation("beta", Family.DEPLOYMENT, "load across 2 instances", "H2",
                        RunFolderFixture.EVERY, Finding.OVERSOLD, new Counts(40, 11, 1, 0), BETA_ON_H2,
                        "deployment/h2-beta.txt", null),
                RunFolderFixture.observation("beta", Family.DEPLOYMENT, "load across 2 instances", "PostgreSQL",
                        RunFolderFixture.EVERY, Finding.OVERSOLD, new Counts(40, 12, 2, 0), BETA_ON_POSTGRESQL,
                        "deployment/postgresql-beta.txt", null)));
        Files.writeString(run.resolve("deployment/h2-beta.txt"), BETA_ON_H2 + "\n");
        Files.writeString(run.resolve("deployment/postgresql-beta.txt"), BETA_ON_POSTGRESQL + "\n");

        RunFolderFixture.writeRatios(run, RunFolderFixture.RUN);
        RunFolderFixture.writePower(run, RunFolderFixture.RUN, lincheckPower());
        return run;
    }

    static Power.Family lincheckPower() {
        return new Power.Family("Lincheck", 24, 26, 0, 8, List.of("stale-cache", "three-buyers-only"), List.of(), 41);
    }

    /**
     * The run of {@code whole} as two shards would have written it, into {@code runs/<first>/} (shard 1/2) and
     * {@code runs/<second>/} (shard 2/2): each unit's observations in its shard's folder, each family's record (its
     * designs, JVM, settings and units of the run) in both, the families' other files in both, the benchmarks in the
     * first and the power in the second (its unit's shard).
     */
    static List<Path> split(Path whole, Path runs, String first, String second) throws IOException {
        return split(whole, runs, 2, first, second);
    }

    /**
     * The run of {@code whole} as the first {@code runIds.length} of {@code count} shards would have written it, shard
     * {@code k/count} into {@code runs/<runIds[k-1]>/}, as {@link #split(Path, Path, String, String)} does (the
     * benchmarks in the first folder, the power in its shard's); the other shards' units are in no folder.
     */
    static List<Path> split(Path whole, Path runs, int count, String... runIds) throws IOException {
        List<Path> shards = Stream.of(runIds).map(runs::resolve).toList();
        for (int k = 1; k <= runIds.length; k++) {
            Path shard = Files.createDirectories(shards.get(k - 1));
            copyEvidenceFiles(whole, shard);
            String runId = shard.getFileName().toString();
            Shard mine = new Shard(k, count);
            for (String family : List.of("lincheck", "database", "deployment")) {
                Observations all = record(whole, family);
                List<Observation> observed = all.observations().stream()
                        .filter(o -> mine.runs(RunFolderFixture.unit(family, o)))
                        .map(o -> new Observation(runId, o.design(), o.family(), o.cell(), o.engine(), o.engineVersion(),
                                o.coverage(), o.finding(), o.counts(), o.example(), o.reproduce(), o.evidenceFile(),
                                o.note())).toList();
                RunFolderFixture.write(shard, family, new Observations(runId, all.family(), all.measuredOn(),
                        all.designs(), observed, shardOf(all.settings(), mine),
                        Units.of(mine, all.units().ofTheRun())));
            }
        }
        RunFolderFixture.writeRatios(shards.get(0), runIds[0]);
        int power = Shard.of(Shard.unit(Power.FOLDER, "lincheck"), count); // the shard of Lincheck's power
        if (power <= runIds.length) {
            RunFolderFixture.writePower(shards.get(power - 1), runIds[power - 1], shardOf(RunFolderFixture.SETTINGS,
                    new Shard(power, count)), lincheckPower());
        }
        return shards;
    }

    static RunSettings shardOf(RunSettings settings, Shard shard) {
        return new RunSettings(settings.oversellVersion(), shard, settings.measuring());
    }

    static RunSettings with(RunSettings settings, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(settings.measuring());
        changed.put(name, value);
        return new RunSettings(settings.oversellVersion(), settings.shard(), changed);
    }

    static Observations record(Path run, String family) throws IOException {
        return JSON.readValue(run.resolve(family).resolve(RunEvidence.OBSERVATIONS).toFile(), Observations.class);
    }

    /** Every file of {@code whole} but the records, the benchmarks and the power, into {@code shard}. */
    private static void copyEvidenceFiles(Path whole, Path shard) throws IOException {
        try (Stream<Path> files = Files.walk(whole)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = whole.relativize(file).toString();
                if (relative.endsWith(RunEvidence.OBSERVATIONS) || relative.startsWith("jmh")
                        || relative.startsWith(Power.FOLDER)) {
                    continue;
                }
                Path to = shard.resolve(relative);
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
    }
}
