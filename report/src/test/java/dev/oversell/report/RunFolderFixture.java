package dev.oversell.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Observation.Counts;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.Power;
import dev.oversell.run.RunSettings;
import dev.oversell.engine.Engine;
import dev.oversell.run.Units;
import dev.oversell.run.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/**
 * A small run folder, written the way the suites write theirs ({@code <family>/observations.json}, the typed
 * record): two families (Lincheck, database) and two designs ({@code alpha} in memory, {@code beta} over a
 * database), with names no catalogue has, so that a report showing them can only have read them from the folder.
 */
final class RunFolderFixture {

    static final String RUN = "20260101T000000Z";
    static final Environment LINCHECK_JVM = new Environment("17.0.15", "OpenJDK 64-Bit Server VM 17.0.15+6",
            "Debian", "Linux 6.1", "amd64", 2, 1024, "-Xmx1g");
    static final Environment DATABASE_JVM = new Environment("21.0.2", "OpenJDK 64-Bit Server VM 21.0.2+13",
            "Eclipse Adoptium", "Linux 6.1", "amd64", 2, 2048, "-Xmx2g -XX:+UseParallelGC");
    static final String ALPHA_EXAMPLE = "T1 buys 2 of 3, T2 buys 2 of 3: both were told purchased";
    static final String ALPHA_REPRODUCE = "mvn -pl properties -am verify -Dtest=BuiltInLincheckTest -Doversell.design=alpha";
    static final String ALPHA_EVIDENCE = "lincheck/alpha/two-buyers-model-checking.txt";
    /** What every family of the fixture was run with: the whole run, one base seed. */
    static final RunSettings SETTINGS = new RunSettings("0.1.0-TEST", Shard.WHOLE, Map.of("oversell.baseSeed", "20261125"));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The coverage of a check that ran every distinct execution of its scenario. */
    static final Coverage EVERY = new Coverage.Every(3);

    private RunFolderFixture() {
    }

    /** {@code runs/<RUN>/} with the Lincheck and database families of {@code alpha} and {@code beta}. */
    static Path write(Path runs) throws IOException {
        Path run = Files.createDirectories(runs.resolve(RUN));
        JudgedDesign alpha = new JudgedDesign("alpha", "in-memory", "example.Alpha", "CALLER_THREAD",
                "check-then-act on a plain field", Map.of("single-instance", Claim.MAY_OVERSELL));
        Map<String, Claim> betaClaims = new LinkedHashMap<>();
        betaClaims.put("h2/single-instance", Claim.NEVER_OVERSELLS);
        betaClaims.put("h2/shared-store", Claim.MAY_OVERSELL);
        betaClaims.put("postgresql/single-instance", Claim.NEVER_OVERSELLS);
        betaClaims.put("postgresql/shared-store", Claim.MAY_OVERSELL);
        JudgedDesign beta = new JudgedDesign("beta", "database", "example.Beta", "DATABASE",
                "SELECT ... FOR UPDATE, then UPDATE", betaClaims);

        write(run, "lincheck", LINCHECK_JVM, List.of(alpha), List.of(
                observation("alpha", Family.LINCHECK, "model checking, last unit", null, EVERY, Finding.HELD,
                        null, null, null, null),
                observation("alpha", Family.LINCHECK, "model checking, two buyers of 2 units", null, EVERY,
                        Finding.OVERSOLD, null, ALPHA_EXAMPLE, ALPHA_EVIDENCE, null),
                observation("alpha", Family.LINCHECK, "stress, random scenarios", null,
                        new Coverage.NotReached("Lincheck stopped at two buyers of 2 units, which saw: oversold"), null,
                        null, null, null, "Lincheck stopped at two buyers of 2 units, which saw: oversold")));
        Files.createDirectories(run.resolve(ALPHA_EVIDENCE).getParent());
        Files.writeString(run.resolve(ALPHA_EVIDENCE), ALPHA_EXAMPLE + "\n");
        Files.writeString(run.resolve("lincheck/summary.md"), "# Lincheck\n");

        write(run, "database", DATABASE_JVM, List.of(beta), List.of(
                observation("beta", Family.DATABASE_SCHEDULES, "last unit: r1 r2 w1 w2", "H2", EVERY,
                        Finding.HELD, new Counts(2, 1, 0, 0), null, null, null),
                observation("beta", Family.DATABASE_SCHEDULES, "last unit: r1 w1 r2 w2", "H2", EVERY,
                        Finding.HELD, new Counts(2, 1, 0, 0), null, null, null),
                observation("beta", Family.DATABASE_SCHEDULES, "last unit: r2 r1 w1 w2", "H2", EVERY,
                        Finding.HELD, new Counts(2, 1, 0, 0), null, null, null),
                observation("beta", Family.DATABASE_LOAD, "load, seed 7", "H2",
                        new Coverage.NotChecked("the time budget ran out before the load run", null), null, null, null,
                        null, "the time budget ran out before the load run")));
        return run;
    }

    static Observation observation(String design, Family family, String cell, String engine, Coverage coverage,
                                   Finding finding, Counts counts, String example, String evidenceFile, String note) {
        return new Observation(RUN, design, family, cell, engine, engine == null ? null : engine + " 2.3.232",
                coverage, finding, counts, example, example == null ? null : ALPHA_REPRODUCE, evidenceFile, note);
    }

    static void write(Path run, String family, Environment jvm, List<JudgedDesign> designs,
                      List<Observation> observations) throws IOException {
        write(run, family, new Observations(run.getFileName().toString(), family, jvm, designs, observations, SETTINGS,
                Units.of(Shard.WHOLE, observations.stream().map(o -> unit(family, o)).distinct().toList())));
    }

    /** The unit an observation of a family's folder belongs to, as the suites name it ({@link Shard#unit}). */
    static String unit(String family, Observation o) {
        // a store that is not an SQL engine (Redis) is no engine column of the database suite: its unit is the design
        boolean sqlEngine = o.engine() != null && java.util.Arrays.stream(Engine.values())
                .anyMatch(e -> e.key().equalsIgnoreCase(o.engine()) || e.label().equalsIgnoreCase(o.engine()));
        return !sqlEngine ? Shard.unit(family, o.design()) : Shard.unit(family, o.design(), Engine.ofKey(o.engine()));
    }

    static void write(Path run, String family, Observations record) throws IOException {
        Path file = Files.createDirectories(run.resolve(family)).resolve("observations.json");
        JSON.writeValue(file.toFile(), record);
    }

    /** {@code power/power.json} as the corpus of known bugs writes it, of run {@code runId}, run whole. */
    static void writePower(Path run, String runId, Power.Family... families) throws IOException {
        writePower(run, runId, SETTINGS, families);
    }

    /**
     * {@code power/power.json} of run {@code runId}, run with {@code settings}: of the units of the run, a family's
     * power each ({@code power/lincheck}), those of its shard taken.
     */
    static void writePower(Path run, String runId, RunSettings settings, Power.Family... families) throws IOException {
        Path file = Files.createDirectories(run.resolve(Power.FOLDER)).resolve(Power.FILE);
        JSON.writeValue(file.toFile(), new Power(runId, List.of(families), settings, Units.of(settings.shard(),
                Stream.of(families).map(f -> Shard.unit(Power.FOLDER,
                f.family().toLowerCase(java.util.Locale.ROOT))).toList())));
    }

    /** {@code jmh/ratios.json} as the benchmarks write it, of run {@code runId}. */
    static void writeRatios(Path run, String runId) throws IOException {
        Path jmh = Files.createDirectories(run.resolve("jmh"));
        Files.writeString(jmh.resolve("ratios.json"), """
                {"runId": "%s",
                 "measuredOn": {"javaVersion": "17.0.15", "javaVm": "OpenJDK 64-Bit Server VM 17.0.15+6",
                   "javaVendor": "Debian", "os": "Linux 6.1", "arch": "amd64", "cpus": 2, "maxHeapMiB": 4096,
                   "jvmArguments": "-Xmx4g"},
                 "ratios": [
                   {"group": "in-memory", "engine": null, "benchmark": "b.CasLoop.casLoop", "variant": "cas-loop",
                    "threads": 2, "opsPerSecond": 5.0E7, "ratio": 1.0},
                   {"group": "in-memory", "engine": null, "benchmark": "b.Design.buy", "variant": "alpha",
                    "threads": 2, "opsPerSecond": 2.5E5, "ratio": 0.005}
                 ]}
                """.formatted(runId));
        Files.writeString(jmh.resolve("summary.md"), "# The cost of safety\n");
    }
}
