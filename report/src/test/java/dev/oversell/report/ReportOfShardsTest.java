package dev.oversell.report;

import dev.oversell.run.JudgedDesign;
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
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report made from the run folders of a run's two shards is the report of the run measured whole, cell for cell:
 * every verdict and text of both tables, the counterexamples, the caveats and the snapshot; only the links differ, by
 * the run id of the folder each leads into. It does not depend on the order of the folders, and every link of the
 * written report resolves beside it.
 */
class ReportOfShardsTest {

    private static final String SHARD_1 = RunFolderFixture.RUN + "-1";
    private static final String SHARD_2 = RunFolderFixture.RUN + "-2";

    @TempDir
    Path tmp;

    @Test
    void theReportOfTwoShardsIsTheReportOfTheWholeRunCellForCell() throws IOException {
        Path whole = ShardedRunFixture.whole(tmp.resolve("whole"));
        List<Path> shards = ShardedRunFixture.split(whole, tmp.resolve("shards"), SHARD_1, SHARD_2);
        assertThat(RunEvidence.read(shards.get(0)).observations()).as("shard 1/2's units").isNotEmpty()
                .hasSizeLessThan(RunEvidence.read(whole).observations().size());
        assertThat(RunEvidence.read(shards.get(1)).observations()).as("shard 2/2's units").isNotEmpty();

        Report merged = Report.of(RunEvidence.read(shards));

        sameCells(merged, Report.of(RunEvidence.read(whole)));
        assertThat(merged.header().get("Run")).isEqualTo(SHARD_1 + " + " + SHARD_2);
        assertThat(merged.header().get("Made from")).startsWith("2 run folders, one report: ")
                .contains(SHARD_1 + " (" + shards.get(0) + "; shard 1/2)")
                .contains(SHARD_2 + " (" + shards.get(1) + "; shard 2/2)").doesNotContain("not among them");
        assertThat(merged.header().get("Benchmarks")).isEqualTo("2 results (" + SHARD_1 + "/jmh/)");
        assertThat(merged.header().get("Power")).startsWith("Lincheck 24/26 caught");
    }

    @Test
    void theReportOfShardsDoesNotDependOnWhichFolderIsReadFirst() throws IOException {
        Path whole = ShardedRunFixture.whole(tmp.resolve("whole"));
        // shard 2/2's folder sorts first: beta's PostgreSQL columns are read before its H2 columns
        List<Path> shards = ShardedRunFixture.split(whole, tmp.resolve("shards"), "b-" + RunFolderFixture.RUN,
                "a-" + RunFolderFixture.RUN);

        Report merged = Report.of(RunEvidence.read(List.of(shards.get(1), shards.get(0))));

        sameCells(merged, Report.of(RunEvidence.read(whole)));
        Counterexample beta = merged.matrix().counterexamples.stream().filter(c -> c.design().equals("beta"))
                .findFirst().orElseThrow();
        assertThat(beta.example()).as("of equal examples, the first engine's in the table").isEqualTo(
                ShardedRunFixture.BETA_ON_H2);
        assertThat(beta.check()).isEqualTo("2 instances, H2 (also seen on PostgreSQL)");
        assertThat(Snapshot.markdown(Report.of(RunEvidence.read(shards)).matrix()))
                .isEqualTo(Snapshot.markdown(merged.matrix()));
    }

    @Test
    void aPartialReportOfShardsIsAskedForAndSaysSoLoudly() throws IOException {
        Path whole = ShardedRunFixture.whole(tmp.resolve("whole"));
        List<Path> shards = ShardedRunFixture.split(whole, tmp.resolve("shards"), 3, SHARD_1, SHARD_2);
        Path out = tmp.resolve("report");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = ReportMain.run(new String[] {ReportMain.PARTIAL, shards.get(0).toString(),
                shards.get(1).toString(), out.toString()}, new PrintStream(said, true, StandardCharsets.UTF_8),
                new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(status).as("ReportMain's status; it said: %s", said).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("[report] !!! PARTIAL, not the whole run")
                .contains("shard 3/3 wrote nothing of").doesNotContain("./verdicts");
        Report report = Report.of(RunEvidence.read(shards, true));
        assertThat(report.header().get("PARTIAL")).startsWith("NOT THE WHOLE RUN (ReportMain --partial): shard 3/3"
                + " wrote nothing of ");
        assertThat(report.header().get("Made from"))
                .endsWith("; not among them: shard 3/3, whose units are not run in this report");
        assertThat(Files.readString(out.resolve("verdict-matrix.md"))).startsWith(Snapshot.PARTIAL_TITLE + "\n\n"
                + "> **PARTIAL: not the whole run.** shard 3/3 wrote nothing of ");
        assertThat(Files.readString(out.resolve("report.md"))).contains("PARTIAL").contains("NOT THE WHOLE RUN");
        assertThat(Report.of(RunEvidence.read(shards.get(0))).header().get("Shard"))
                .startsWith("1/3 (-Doversell.shard): a partial run");
    }

    @Test
    void theWrittenReportOfShardsLinksIntoACopyOfEachFolder() throws IOException {
        Path whole = ShardedRunFixture.whole(tmp.resolve("whole"));
        List<Path> shards = ShardedRunFixture.split(whole, tmp.resolve("shards"), SHARD_1, SHARD_2);
        Path out = tmp.resolve("report");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = ReportMain.run(new String[] {shards.get(0).toString(), shards.get(1).toString(), out.toString()},
                new PrintStream(said, true, StandardCharsets.UTF_8), new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(status).as("ReportMain's status; it said: %s", said).isZero();
        assertThat(out.resolve(SHARD_1).resolve("database/observations.json")).isRegularFile();
        assertThat(out.resolve(SHARD_2).resolve("database/observations.json")).isRegularFile();
        assertThat(ReportOfARunFolderTest.linksResolvedBeside(out)).as("links in report.html").isGreaterThanOrEqualTo(5);
        Path alone = tmp.resolve("whole-report");
        assertThat(ReportOfARunFolderTest.write(whole, alone)).isZero();
        assertThat(Files.readString(out.resolve("verdict-matrix.md")))
                .isEqualTo(Files.readString(alone.resolve("verdict-matrix.md")));
        assertThat(tableRows(Files.readString(out.resolve("report.md"))))
                .as("report.md's verdict rows, the links' run folders aside")
                .isEqualTo(tableRows(Files.readString(alone.resolve("report.md"))));
    }

    /** Both tables, cell by cell (a link compared without the run folder it leads into), and what follows them. */
    static void sameCells(Report merged, Report whole) {
        VerdictMatrix m = merged.matrix();
        VerdictMatrix w = whole.matrix();
        assertThat(m.inMemoryColumns).isEqualTo(w.inMemoryColumns);
        assertThat(m.inMemory.keySet()).extracting(JudgedDesign::name)
                .containsExactlyElementsOf(w.inMemory.keySet().stream().map(JudgedDesign::name).toList());
        w.inMemory.forEach((design, row) -> row.forEach((column, cell) -> assertThat(unplaced(m.inMemory.get(design)
                .get(column))).as("%s / %s", design.name(), column.label()).isEqualTo(cell)));
        assertThat(m.engines).isEqualTo(w.engines);
        assertThat(m.engineVersions).isEqualTo(w.engineVersions);
        assertThat(m.database.keySet()).isEqualTo(w.database.keySet());
        int cells = 0;
        for (Map.Entry<JudgedDesign, Map<String, EngineCells>> row : w.database.entrySet()) {
            for (Map.Entry<String, EngineCells> engine : row.getValue().entrySet()) {
                EngineCells mine = m.database.get(row.getKey()).get(engine.getKey());
                assertThat(mine.claims()).isEqualTo(engine.getValue().claims());
                assertThat(mine.checks()).extracting(EngineCells.Labelled::family)
                        .isEqualTo(engine.getValue().checks().stream().map(EngineCells.Labelled::family).toList());
                for (int i = 0; i < mine.checks().size(); i++) {
                    assertThat(unplaced(mine.checks().get(i).cell())).as("%s on %s, %s", row.getKey().name(),
                            engine.getKey(), mine.checks().get(i).check()).isEqualTo(engine.getValue().checks().get(i).cell());
                    cells++;
                }
            }
        }
        assertThat(cells).as("database cells compared").isGreaterThanOrEqualTo(6);
        assertThat(m.counterexamples.stream().map(c -> new Counterexample(c.design(), c.check(), c.cell(), c.finding(),
                c.example(), c.reproduce(), unplaced(c.link()))).toList()).isEqualTo(w.counterexamples);
        assertThat(merged.caveats()).isEqualTo(whole.caveats());
        assertThat(Snapshot.markdown(m)).isEqualTo(Snapshot.markdown(w));
    }

    /** A cell as the whole run's report has it: its link without the run folder it leads into. */
    private static Cell unplaced(Cell cell) {
        return new Cell(cell.verdict(), cell.text(), unplaced(cell.link()));
    }

    private static String unplaced(String link) {
        return link == null ? null : link.replaceFirst("^[^/]*" + Pattern.quote(RunFolderFixture.RUN) + "[^/]*/", "");
    }

    /** The rows of report.md's tables, each link's run folder taken out. */
    private static List<String> tableRows(String md) {
        List<String> rows = new ArrayList<>();
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                rows.add(line.replaceAll("\\]\\([^)/]*" + Pattern.quote(RunFolderFixture.RUN) + "[^)/]*/", "]("));
            }
        }
        return rows;
    }
}
