package dev.oversell.report;

import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.Observations;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report is of one run: a file in the run folder that belongs to another run (an earlier build's, a stale copy)
 * is refused, never mixed in. ReportMain exits non-zero, naming the file and both run ids, and writes nothing.
 */
class RefusingAnotherRunTest {

    private static final String OTHER_RUN = "20251231T235959Z";

    @TempDir
    Path tmp;

    private record Outcome(int status, String said, Path out) {
    }

    private Outcome report(Path run) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("report");
        int status = ReportMain.run(new String[] {run.toString(), out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, err.toString(StandardCharsets.UTF_8), out);
    }

    @Test
    void anObservationsFileOfAnotherRunIsRefused() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Observations lincheck = RunEvidence.read(run).families().stream().filter(f -> f.folder().equals("lincheck"))
                .findFirst().orElseThrow().record();
        RunFolderFixture.write(run, "lincheck", new Observations(OTHER_RUN, lincheck.family(), lincheck.measuredOn(),
                lincheck.designs(), lincheck.observations(), lincheck.settings(), lincheck.units()));
        Outcome outcome = report(run);
        assertThat(outcome.status()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).contains(run.resolve("lincheck/observations.json").toString())
                .contains("of run " + OTHER_RUN).contains("this report is of run " + RunFolderFixture.RUN);
        assertThat(outcome.out().resolve("report.html")).doesNotExist();
    }

    @Test
    void anObservationOfAnotherRunInsideAFileOfThisRunIsRefused() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Observations database = RunEvidence.read(run).families().stream().filter(f -> f.folder().equals("database"))
                .findFirst().orElseThrow().record();
        List<Observation> mixed = new ArrayList<>(database.observations());
        mixed.add(new Observation(OTHER_RUN, "beta", Family.DATABASE_LOAD, "load, seed 7", "H2", "H2 2.3.232",
                RunFolderFixture.EVERY, Finding.HELD, null, null, null, null, "copied in from an earlier run"));
        RunFolderFixture.write(run, "database", new Observations(RunFolderFixture.RUN, database.family(),
                database.measuredOn(), database.designs(), mixed, database.settings(), database.units()));
        Outcome outcome = report(run);
        assertThat(outcome.status()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).contains(run.resolve("database/observations.json").toString())
                .contains(OTHER_RUN).contains(RunFolderFixture.RUN);
    }

    @Test
    void benchmarkResultsOfAnotherRunAreRefusedAsStale() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        RunFolderFixture.writeRatios(run, OTHER_RUN);
        Outcome outcome = report(run);
        assertThat(outcome.status()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).contains("stale benchmark results").contains(run.resolve("jmh/ratios.json").toString())
                .contains("of run " + OTHER_RUN).contains("this report is of run " + RunFolderFixture.RUN);
    }

    @Test
    void benchmarkResultsThatCarryNoRunIdAreRefusedAsStale() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Files.createDirectories(run.resolve("jmh"));
        Files.writeString(run.resolve("jmh/ratios.json"), "[{\"group\": \"in-memory\", \"variant\": \"cas-loop\"}]");
        Outcome outcome = report(run);
        assertThat(outcome.status()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).contains("stale benchmark results").contains("it carries no run id");
    }

    @Test
    void aFolderWithoutObservationsIsRefused() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("runs").resolve(RunFolderFixture.RUN));
        Outcome outcome = report(run);
        assertThat(outcome.status()).isEqualTo(ReportMain.REFUSED);
        assertThat(outcome.said()).contains("no */observations.json in " + run);
    }
}
