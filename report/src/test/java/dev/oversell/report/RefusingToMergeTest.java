package dev.oversell.report;

import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.Observations;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.run.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run folders are merged into one report only when they are the shards of one run: a merged report that would claim
 * something no single run measured is refused. ReportMain exits with status 2, says what differs and where, and
 * writes nothing.
 */
class RefusingToMergeTest {

    private static final String SHARD_1 = RunFolderFixture.RUN + "-1";
    private static final String SHARD_2 = RunFolderFixture.RUN + "-2";

    @TempDir
    Path tmp;
    private Path whole;
    private Path one;
    private Path two;

    private record Outcome(int status, String said, Path out) {
    }

    @BeforeEach
    void aRunAndItsTwoShards() throws IOException {
        whole = ShardedRunFixture.whole(tmp.resolve("whole"));
        List<Path> shards = ShardedRunFixture.split(whole, tmp.resolve("shards"), SHARD_1, SHARD_2);
        one = shards.get(0);
        two = shards.get(1);
    }

    private Outcome report(Path... folders) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("report");
        List<String> args = new ArrayList<>(Stream.of(folders).map(Path::toString).toList());
        args.add(out.toString());
        int status = ReportMain.run(args.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, err.toString(StandardCharsets.UTF_8), out);
    }

    private static void assertRefused(Outcome outcome) {
        assertThat(outcome.status()).as("ReportMain's status; it said: %s", outcome.said()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).startsWith("[report] !!! refusing to merge");
        assertThat(outcome.out().resolve("report.html")).as("nothing is written").doesNotExist();
    }

    /** Rewrites {@code family}'s record in {@code run}. */
    private static void rewrite(Path run, String family, UnaryOperator<Observations> change) throws IOException {
        RunFolderFixture.write(run, family, change.apply(ShardedRunFixture.record(run, family)));
    }

    private static Observations withSettings(Observations r, RunSettings settings) {
        return new Observations(r.runId(), r.family(), r.measuredOn(), r.designs(), r.observations(), settings,
                r.units());
    }

    /** A copy of {@code shard}'s folder as a run of its own, {@code runId}: the same shard measured twice. */
    private Path copyAs(Path shard, String runId) throws IOException {
        Path copy = Files.createDirectories(shard.resolveSibling(runId));
        for (String family : List.of("lincheck", "database", "deployment")) {
            Observations r = ShardedRunFixture.record(shard, family);
            RunFolderFixture.write(copy, family, new Observations(runId, r.family(), r.measuredOn(), r.designs(),
                    r.observations().stream().map(o -> new Observation(runId, o.design(), o.family(), o.cell(),
                            o.engine(), o.engineVersion(), o.coverage(), o.finding(), o.counts(), o.example(),
                            o.reproduce(), o.evidenceFile(), o.note())).toList(), r.settings(), r.units()));
        }
        return copy;
    }

    @Test
    void theSameShardTwiceIsRefusedNamingTheUnitsTakenTwice() throws IOException {
        Path again = copyAs(one, RunFolderFixture.RUN + "-1-again");
        Outcome outcome = report(one, again, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("taken in two run folders")
                .contains("lincheck/alpha (in " + SHARD_1 + " and " + RunFolderFixture.RUN + "-1-again)")
                .contains("database/beta/h2").contains("Overlapping shards");
    }

    @Test
    void aShardMissingIsRefusedNamingItAndTheFamiliesItWouldHaveWritten() throws IOException {
        List<Path> shards = ShardedRunFixture.split(whole, tmp.resolve("of3"), 3, "a", "b");
        Outcome outcome = report(shards.get(0), shards.get(1));
        assertRefused(outcome);
        assertThat(outcome.said()).contains("do not hold every unit of the run: shard 3/3 wrote nothing of ")
                .contains("no run folder of shard 3/3 is among these").contains("ReportMain --partial");
    }

    @Test
    void aFamilyAShardDidNotWriteIsRefusedNamingTheShardAndTheFamily() throws IOException {
        deleteFamily(two, "deployment");
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("shard 2/2 wrote nothing of deployment (")
                .contains("its folder " + SHARD_2 + " has no deployment record that took them");
    }

    @Test
    void aRecordThatDoesNotNameItsUnitsIsRefused() throws IOException {
        rewrite(two, "lincheck", r -> new Observations(r.runId(), r.family(), r.measuredOn(), r.designs(),
                r.observations(), r.settings(), null));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains(SHARD_2 + "/lincheck/observations.json").contains("do not name the units");
    }

    @Test
    void aWholeRunBesideOneOfItsShardsIsRefused() throws IOException {
        Outcome outcome = report(whole, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("different splits").contains("1/1 in " + RunFolderFixture.RUN)
                .contains("2/2 in " + SHARD_2);
    }

    @Test
    void shardsOfDifferentSplitsAreRefused() throws IOException {
        for (String family : List.of("lincheck", "database", "deployment")) {
            rewrite(two, family, r -> withSettings(r, ShardedRunFixture.shardOf(r.settings(), new Shard(2, 3))));
        }
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("different splits").contains("1/2 in " + SHARD_1)
                .contains("2/3 in " + SHARD_2);
    }

    @Test
    void aFamilyRunWithAnotherSeedInOneShardIsRefusedNamingTheSetting() throws IOException {
        rewrite(two, "database", r -> withSettings(r, ShardedRunFixture.with(r.settings(), "oversell.baseSeed", "7")));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("the database family was run with other settings in " + SHARD_1
                + " than in " + SHARD_2).contains("oversell.baseSeed: 20261125 in " + SHARD_1 + ", 7 in " + SHARD_2)
                .contains("no single run measured the merged database column");
    }

    @Test
    void aSettingOfAnotherValueInFamiliesThatDoNotMeetIsRefused() throws IOException {
        familiesThatDoNotMeet();
        rewrite(two, "deployment", r -> withSettings(r, ShardedRunFixture.with(r.settings(), "oversell.baseSeed", "7")));
        RunFolderFixture.writePower(two, SHARD_2, ShardedRunFixture.with(ShardedRunFixture.shardOf(
                RunFolderFixture.SETTINGS, new Shard(2, 2)), "oversell.baseSeed", "7"), ShardedRunFixture.lincheckPower());
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("oversell.baseSeed is 20261125 in " + SHARD_1 + " and 7 in " + SHARD_2)
                .contains(SHARD_2 + "/deployment/observations.json");
    }

    @Test
    void thePowerIsComparedAsEveryFamilysRecordIs() throws IOException {
        familiesThatDoNotMeet();
        rewrite(two, "deployment", r -> withSettings(r, new RunSettings(r.settings().oversellVersion(), r.settings().shard(),
                java.util.Map.of())));
        RunFolderFixture.writePower(two, SHARD_2, ShardedRunFixture.with(ShardedRunFixture.shardOf(
                RunFolderFixture.SETTINGS, new Shard(2, 2)), "oversell.baseSeed", "7"), ShardedRunFixture.lincheckPower());
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("oversell.baseSeed is 20261125 in " + SHARD_1 + " and 7 in " + SHARD_2
                + ", so no single run measured the merged columns").contains(SHARD_2 + "/power/power.json");
    }

    /** Shard 1 holds Lincheck and the databases, shard 2 the deployment check and the power: no family in both. */
    private void familiesThatDoNotMeet() throws IOException {
        deleteFamily(one, "deployment");
        deleteFamily(two, "lincheck");
        deleteFamily(two, "database");
    }

    @Test
    void aModulesOwnDefaultBesideTheCommandLinesValueIsNoDifference() throws IOException {
        String budget = "oversell.lincheck.budgetSeconds";
        for (String family : List.of("lincheck", "database", "deployment")) {
            rewrite(one, family, r -> withSettings(r, ShardedRunFixture.with(r.settings(), budget, "300")));
            rewrite(two, family, r -> withSettings(r, ShardedRunFixture.with(r.settings(), budget, "300")));
        }
        RunFolderFixture.writePower(two, SHARD_2, ShardedRunFixture.with(ShardedRunFixture.shardOf(
                RunFolderFixture.SETTINGS, new Shard(2, 2)), budget, "900"), ShardedRunFixture.lincheckPower());
        Outcome outcome = report(one, two);
        assertThat(outcome.status()).as("the power module's own budget, 900, beside 300; it said: %s", outcome.said())
                .isZero();
    }

    /** Takes {@code family}'s folder out of {@code run}, as a shard that ran none of it leaves it. */
    private static void deleteFamily(Path run, String family) throws IOException {
        try (Stream<Path> files = Files.walk(run.resolve(family))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aFamilyRunOnOtherEnginesInOneShardIsRefused() throws IOException {
        rewrite(one, "deployment", r -> withSettings(r, ShardedRunFixture.with(r.settings(), "OVERSELL_ENGINES", "h2")));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("the deployment family was run with other settings")
                .contains("OVERSELL_ENGINES: h2 in " + SHARD_1 + ", unset in " + SHARD_2);
    }

    @Test
    void anotherCatalogueInOneShardIsRefused() throws IOException {
        rewrite(two, "lincheck", r -> new Observations(r.runId(), r.family(), r.measuredOn(),
                r.designs().stream().filter(d -> !d.name().equals("alpha")).toList(), r.observations(), r.settings(),
                r.units()));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("the lincheck family judged another catalogue in " + SHARD_1 + " than in "
                + SHARD_2).contains("only in " + SHARD_1 + ": [alpha]");
    }

    @Test
    void anotherOversellVersionInOneShardIsRefused() throws IOException {
        rewrite(two, "lincheck", r -> withSettings(r, new RunSettings("0.2.0", r.settings().shard(),
                r.settings().measuring())));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("different Oversell versions").contains("0.1.0-TEST in " + SHARD_1)
                .contains("0.2.0 in " + SHARD_2);
    }

    @Test
    void anEngineOfAnotherVersionInOneShardIsRefused() throws IOException {
        RunFolderFixture.write(two, "conformance", new Observations(SHARD_2, "conformance",
                RunFolderFixture.DATABASE_JVM, ShardedRunFixture.record(two, "database").designs(), List.of(
                        new Observation(SHARD_2, "beta", Family.CONFORMANCE, "answers", "H2", "H2 2.2.224",
                                RunFolderFixture.EVERY, Finding.HELD, null, null, null, null, null)),
                ShardedRunFixture.shardOf(RunFolderFixture.SETTINGS, new Shard(2, 2)), Units.of(new Shard(2, 2), List.of())));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("H2 reported different versions")
                .contains("H2 2.2.224 in " + SHARD_2).contains("H2 2.3.232 in " + SHARD_1);
    }

    @Test
    void benchmarksInTwoShardsAreRefused() throws IOException {
        RunFolderFixture.writeRatios(two, SHARD_2);
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("each hold benchmark results").contains(SHARD_1).contains(SHARD_2);
    }

    @Test
    void oneFamilysPowerMeasuredInTwoShardsIsRefused() throws IOException {
        RunFolderFixture.writePower(one, SHARD_1, ShardedRunFixture.shardOf(RunFolderFixture.SETTINGS, new Shard(1, 2)),
                ShardedRunFixture.lincheckPower());
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("the power of Lincheck was measured in " + SHARD_1 + " and in " + SHARD_2);
    }

    @Test
    void aRecordThatDoesNotSayWhatItRanWithIsRefused() throws IOException {
        rewrite(two, "lincheck", r -> withSettings(r, null));
        Outcome outcome = report(one, two);
        assertRefused(outcome);
        assertThat(outcome.said()).contains(SHARD_2 + "/lincheck/observations.json")
                .contains("do not say what they were run with");
    }

    @Test
    void theSameFolderTwiceIsRefused() throws IOException {
        Outcome outcome = report(one, one);
        assertRefused(outcome);
        assertThat(outcome.said()).contains("they are all of run " + SHARD_1);
    }

    @Test
    void eachFolderIsStillReadAsOneRunsFolder() throws IOException {
        rewrite(two, "lincheck", r -> new Observations(RunFolderFixture.RUN, r.family(), r.measuredOn(), r.designs(),
                r.observations(), r.settings(), r.units()));
        Outcome outcome = report(one, two);
        assertThat(outcome.status()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).contains("of run " + RunFolderFixture.RUN).contains("this report is of run " + SHARD_2);
    }
}
