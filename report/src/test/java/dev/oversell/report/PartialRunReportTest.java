package dev.oversell.report;

import dev.oversell.run.Observations;
import dev.oversell.run.RunFolder;
import dev.oversell.run.Shard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A printed reproduce command (one design, a test filter) or a shard of a run writes the report of its own run into
 * that run's folder and leaves {@code target/oversell/report/}, the full run's, as it was; a full run writes it there.
 */
class PartialRunReportTest {

    private static final List<String> SET_HERE = List.of(RunFolder.RUNS, RunFolder.ID, "oversell.design",
            "oversell.seed", "oversell.jcstress.scenarios", "oversell.engines", "oversell.shard", "test", "it.test");
    private final Map<String, String> before = new LinkedHashMap<>();

    @TempDir
    Path top;
    private Path runs;

    @BeforeEach
    void aRunFolderAndNoSelection() throws Exception {
        SET_HERE.forEach(name -> before.put(name, System.getProperty(name)));
        SET_HERE.forEach(System::clearProperty);
        runs = top.resolve("runs");
        RunFolderFixture.write(runs);
        System.setProperty(RunFolder.RUNS, runs.toString());
        System.setProperty(RunFolder.ID, RunFolderFixture.RUN);
    }

    @AfterEach
    void restore() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void aReproduceRunOfOneDesignWritesItsReportIntoItsOwnRunFolder() throws Exception {
        Path fullRunReport = Files.createDirectories(top.resolve("report"));
        Files.writeString(fullRunReport.resolve("report.md"), "the full run's report");
        System.setProperty("oversell.design", "alpha");

        RunReport.refresh();

        assertThat(RunReport.partial()).contains("-Doversell.design=alpha");
        assertThat(runs.resolve(RunFolderFixture.RUN).resolve("report.html")).exists();
        assertThat(fullRunReport.resolve("report.md")).hasContent("the full run's report");
        assertThat(fullRunReport.resolve("report.html")).doesNotExist();
    }

    @Test
    void aShardIsAPartialRunAndTheWholeIsNot() throws Exception {
        Path fullRunReport = Files.createDirectories(top.resolve("report"));
        Files.writeString(fullRunReport.resolve("report.md"), "the full run's report");
        System.setProperty("oversell.shard", "2/2");

        RunReport.refresh();

        assertThat(RunReport.partial()).contains("-Doversell.shard=2/2");
        assertThat(runs.resolve(RunFolderFixture.RUN).resolve("report.html")).exists();
        assertThat(fullRunReport.resolve("report.md")).hasContent("the full run's report");
        System.setProperty("oversell.shard", "1/1");
        assertThat(RunReport.partial()).as("1/1 is the whole run").isEmpty();
    }

    @Test
    void onlyAFullRunsReportIsOfferedForDocsVerdictMatrix() throws Exception {
        Path run = runs.resolve(RunFolderFixture.RUN);
        assertThat(said(run)).contains("what ./verdicts copies over docs/verdict-matrix.md");
        Observations some = ShardedRunFixture.record(run, "lincheck");
        RunFolderFixture.write(run, "lincheck", new Observations(some.runId(), some.family(), some.measuredOn(),
                some.designs(), some.observations(), ShardedRunFixture.with(some.settings(),
                        "oversell.jcstress.scenarios", "LastUnit,OddStock"), some.units()));
        assertThat(said(run)).as("some scenarios, as the stress module runs by default")
                .contains("what ./verdicts copies over docs/verdict-matrix.md");
        for (String family : List.of("lincheck", "database")) {
            Observations r = ShardedRunFixture.record(run, family);
            RunFolderFixture.write(run, family, new Observations(r.runId(), r.family(), r.measuredOn(), r.designs(),
                    r.observations(), ShardedRunFixture.with(r.settings(), "oversell.design", "alpha"), r.units()));
        }
        assertThat(said(run)).doesNotContain("./verdicts")
                .contains("a partial run's (-Doversell.design=alpha): no page of docs/ is made from it");
        Observations lincheck = ShardedRunFixture.record(run, "lincheck");
        RunFolderFixture.write(run, "lincheck", new Observations(lincheck.runId(), lincheck.family(),
                lincheck.measuredOn(), lincheck.designs(), lincheck.observations(),
                ShardedRunFixture.shardOf(RunFolderFixture.SETTINGS, new Shard(2, 2)), lincheck.units()));
        assertThat(said(run)).doesNotContain("./verdicts").contains("a partial run's (-Doversell.design=alpha"
                + " -Doversell.shard=2/2)");
    }

    /** What ReportMain says when it writes the report of {@code run}. */
    private String said(Path run) throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        assertThat(ReportMain.run(new String[] {run.toString(), top.resolve("out").toString()}, out, out)).isZero();
        return said.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTestFilterMakesARunPartialAndAFullRunWritesTheReportBesideTheRuns() {
        System.setProperty("test", "BuiltInLincheckTest");
        assertThat(RunReport.folder()).isEqualTo(runs.resolve(RunFolderFixture.RUN).toAbsolutePath());
        System.clearProperty("test");
        System.setProperty("oversell.jcstress.scenarios", "all");
        System.setProperty("oversell.engines", "h2");
        RunReport.refresh();

        assertThat(RunReport.partial()).isEmpty();
        assertThat(top.resolve("report").resolve("report.html")).exists();
        assertThat(runs.resolve(RunFolderFixture.RUN).resolve("report.html")).doesNotExist();
    }
}
