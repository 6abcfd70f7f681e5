package dev.oversell.report;

import dev.oversell.run.Environment;
import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Relaxation;
import dev.oversell.judge.Observation.Counts;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Power;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report is a function of one run folder: its cells are the worst finding of each family's checked
 * observations, "not checked" when some did not run, "not run" when the family has none; its designs, claims and
 * mechanisms are the ones the folder recorded; its header names the JVMs that measured; its links resolve
 * beside the page. (Files of another run are refused: {@link RefusingAnotherRunTest}.)
 */
class ReportOfARunFolderTest {

    @TempDir
    Path tmp;

    private VerdictMatrix matrix() throws IOException {
        return VerdictMatrix.of(RunEvidence.read(RunFolderFixture.write(tmp.resolve("runs"))));
    }

    private static Map<Column, Cell> row(VerdictMatrix matrix, String design) {
        return matrix.inMemory.entrySet().stream().filter(e -> e.getKey().name().equals(design)).findFirst()
                .orElseThrow(() -> new AssertionError("no in-memory row " + design + " in " + matrix.inMemory.keySet()))
                .getValue();
    }

    private static EngineCells engine(VerdictMatrix matrix, String design, String engine) {
        return matrix.database.entrySet().stream().filter(e -> e.getKey().name().equals(design)).findFirst()
                .orElseThrow(() -> new AssertionError("no database row " + design)).getValue().get(engine);
    }

    private static Cell check(EngineCells cells, Family family) {
        return cells.checks().stream().filter(c -> c.family() == family).findFirst().orElseThrow().cell();
    }

    @Test
    void theRowsAreTheDesignsTheFolderRecordedWithTheirClaimsAndMechanisms() throws IOException {
        VerdictMatrix matrix = matrix();
        assertThat(matrix.inMemory.keySet()).extracting(JudgedDesign::name).containsExactly("alpha");
        assertThat(matrix.database.keySet()).extracting(JudgedDesign::name).containsExactly("beta");
        assertThat(matrix.inMemory.keySet().iterator().next().mechanism()).isEqualTo("check-then-act on a plain field");
        assertThat(matrix.engines).containsExactly("h2", "postgresql");
        EngineCells h2 = engine(matrix, "beta", "h2");
        assertThat(h2.claims()).isEqualTo("never oversells; with 2 instances may oversell");
    }

    @Test
    void conformanceIsAColumnOfEveryInMemoryDesignAndALineOfADatabaseDesignsH2Cell() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Coverage sampled = new Coverage.Sampled(300, 0, "sequences x 60 ops", 20261125L);
        RunFolderFixture.write(run, "conformance", RunFolderFixture.LINCHECK_JVM, List.of(), List.of(
                RunFolderFixture.observation("alpha", Family.CONFORMANCE, "answers", null, sampled, Finding.HELD,
                        null, null, null, null),
                RunFolderFixture.observation("beta", Family.CONFORMANCE, "answers", "H2", sampled,
                        Finding.NOT_LINEARIZABLE, null, "beta disagrees with the specification at operation 3", null,
                        null)));

        VerdictMatrix matrix = VerdictMatrix.of(RunEvidence.read(run));

        Cell alpha = row(matrix, "alpha").get(new Column(Family.CONFORMANCE, ""));
        assertThat(alpha.verdict()).isEqualTo(Verdict.HELD);
        assertThat(alpha.text()).isEqualTo("1 check, held; sampled (300 sequences x 60 ops, seed 20261125)");
        assertThat(check(engine(matrix, "beta", "h2"), Family.CONFORMANCE).verdict())
                .isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(engine(matrix, "beta", "postgresql").checks()).as("conformance runs on a private H2 only")
                .noneMatch(c -> c.family() == Family.CONFORMANCE);
    }

    @Test
    void anInMemoryCellIsTheWorstFindingOfItsFamilysCheckedObservations() throws IOException {
        Map<Column, Cell> alpha = row(matrix(), "alpha");
        Cell lincheck = alpha.get(new Column(Family.LINCHECK, ""));
        assertThat(lincheck.verdict()).isEqualTo(Verdict.OVERSOLD);
        assertThat(lincheck.text()).isEqualTo("1 of 2 checks oversold; every distinct execution (2 checks, 6 runs); not needed (Lincheck"
                + " stopped at two buyers of 2 units, which saw: oversold)");
        assertThat(lincheck.link()).as("the evidence file of the observation shown")
                .isEqualTo(RunFolderFixture.ALPHA_EVIDENCE);
        Cell jcstress = alpha.get(new Column(Family.JCSTRESS, ""));
        assertThat(jcstress.verdict()).as("a family with no observation of the design").isEqualTo(Verdict.NOT_RUN);
        assertThat(jcstress.link()).isNull();
    }

    @Test
    void aDatabaseCellIsPerEngineAndSaysNotCheckedWhenSomeCheckDidNotRun() throws IOException {
        VerdictMatrix matrix = matrix();
        EngineCells h2 = engine(matrix, "beta", "h2");
        Cell schedules = check(h2, Family.DATABASE_SCHEDULES);
        assertThat(schedules.verdict()).isEqualTo(Verdict.HELD);
        assertThat(schedules.text()).isEqualTo("3 schedules, all held; every distinct execution (3 checks, 9 runs)");
        assertThat(schedules.link()).as("no observation names a file: the family's record")
                .isEqualTo("database/observations.json");
        Cell load = check(h2, Family.DATABASE_LOAD);
        assertThat(load.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(load.text()).isEqualTo("not checked (the time budget ran out before the load run)");
        assertThat(check(h2, Family.DEPLOYMENT).verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(h2.verdict(dev.oversell.design.Deployment.SINGLE_INSTANCE))
                .as("held interleavings and an unchecked load run are not a held claim").isEqualTo(Verdict.NOT_CHECKED);
        assertThat(engine(matrix, "beta", "postgresql").notMeasured()).isTrue();
    }

    @Test
    void aClusterDesignIsARowOfTheDatabaseTableWithItsOneFamilyAndNoOneInstanceClaim() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Map<String, Claim> claims = new LinkedHashMap<>();
        claims.put("h2/shared-store", Claim.NOT_APPLICABLE);
        claims.put("postgresql/shared-store", Claim.MAY_OVERSELL);
        JudgedDesign gamma = new JudgedDesign("gamma", JudgedDesign.CLUSTER, "example.Gamma",
                JudgedDesign.SEPARATE_PROCESSES, "one sharded entity per product", claims);
        RunFolderFixture.write(run, "cluster", RunFolderFixture.DATABASE_JVM, List.of(gamma), List.of(
                RunFolderFixture.observation("gamma", Family.CLUSTER_FAULTS, "every fault", "H2",
                        new Coverage.NotApplicable("three node processes cannot share a private in-memory H2"),
                        null, null, null, null, "three node processes cannot share a private in-memory H2"),
                RunFolderFixture.observation("gamma", Family.CLUSTER_FAULTS, "kill-owner", "PostgreSQL",
                        RunFolderFixture.EVERY, Finding.HELD, new Counts(62, 60, 0, 0), null, "cluster/summary.md", null),
                RunFolderFixture.observation("gamma", Family.CLUSTER_FAULTS, "pause-owner-mid-purchase", "PostgreSQL",
                        RunFolderFixture.EVERY, Finding.OVERSOLD, new Counts(65, 64, 4, 0), "the stale write",
                        "cluster/summary.md", null)));
        VerdictMatrix matrix = VerdictMatrix.of(RunEvidence.read(run));

        assertThat(matrix.database.keySet()).extracting(JudgedDesign::name).containsExactly("beta", "gamma");
        EngineCells postgresql = engine(matrix, "gamma", "postgresql");
        assertThat(postgresql.checks()).extracting(EngineCells.Labelled::family).containsExactly(Family.CLUSTER_FAULTS);
        assertThat(postgresql.claims()).isEqualTo("may oversell, across its nodes");
        assertThat(check(postgresql, Family.CLUSTER_FAULTS).verdict()).isEqualTo(Verdict.OVERSOLD);
        assertThat(check(postgresql, Family.CLUSTER_FAULTS).text())
                .isEqualTo("1 of 2 faults oversold (pause-owner-mid-purchase); every distinct execution (2 checks, 6 runs)");
        assertThat(postgresql.verdict(Deployment.SINGLE_INSTANCE)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(postgresql.verdict(Deployment.SHARED_STORE)).isEqualTo(Verdict.OVERSOLD);
        EngineCells h2 = engine(matrix, "gamma", "h2");
        assertThat(h2.claims()).isEqualTo("n/a");
        assertThat(check(h2, Family.CLUSTER_FAULTS).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(check(h2, Family.CLUSTER_FAULTS).text()).contains("cannot share a private in-memory H2");
        assertThat(engine(matrix, "beta", "h2").checks()).extracting(EngineCells.Labelled::family)
                .as("a database design has no cluster line").doesNotContain(Family.CLUSTER_FAULTS);
        assertThat(matrix.counterexamples).extracting(Counterexample::design).contains("gamma");
        assertThat(h2.claimsNothing()).as("its H2 cell keeps the reason it does not apply").isFalse();
    }

    /**
     * A design whose stock lives in a store that is not an SQL engine (Redis) is a row of the database table with a
     * column of its own: its interleavings there, n/a once on every engine it claims nothing on, and the SQL
     * designs n/a once in its column.
     */
    @Test
    void aRedisDesignHasAColumnOfItsOwnBesideTheEngines() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        JudgedDesign delta = JudgedDesign.ofStore("delta", "redis", Object.class, "GET, then DECRBY", Claim.MAY_OVERSELL);
        RunFolderFixture.write(run, "redis", RunFolderFixture.DATABASE_JVM, List.of(delta), List.of(
                RunFolderFixture.observation("delta", Family.DATABASE_SCHEDULES, "last unit", "Redis",
                        RunFolderFixture.EVERY, Finding.OVERSOLD, null, "-- B1\nGET stock", "redis/delta/last-unit.redis",
                        null)));
        VerdictMatrix matrix = VerdictMatrix.of(RunEvidence.read(run));

        assertThat(matrix.engines).endsWith("redis");
        assertThat(VerdictMatrix.engineLabel("redis")).isEqualTo("Redis");
        EngineCells redis = engine(matrix, "delta", "redis");
        assertThat(redis.checks()).extracting(EngineCells.Labelled::family).containsExactly(Family.DATABASE_SCHEDULES);
        assertThat(check(redis, Family.DATABASE_SCHEDULES).verdict()).isEqualTo(Verdict.OVERSOLD);
        assertThat(redis.claims()).isEqualTo("may oversell");
        assertThat(redis.verdict(Deployment.SHARED_STORE)).as("no second family, no second claim")
                .isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(engine(matrix, "delta", "h2").claimsNothing()).isTrue();
        assertThat(engine(matrix, "beta", "redis").claimsNothing()).isTrue();
        assertThat(engine(matrix, "beta", "h2").claimsNothing()).isFalse();
        assertThat(MarkdownReport.render(Report.of(RunEvidence.read(run)))).contains("| Redis |")
                .contains("· n/a: claims nothing here");
    }

    /**
     * An anomaly a design declares it accepts is written to the folder with its relaxation and read back with it: the
     * cell names the anomaly and what the design accepts, and the design's line says its claim held.
     */
    @Test
    void anAcceptedAnomalyIsReadBackWithWhatTheDesignAccepts() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        JudgedDesign epsilon = JudgedDesign.ofStore("epsilon", "redis", Object.class, "DECRBY, then INCRBY back",
                Claim.NEVER_OVERSELLS);
        RunFolderFixture.write(run, "redis", RunFolderFixture.DATABASE_JVM, List.of(epsilon), List.of(
                new Observation(RunFolderFixture.RUN, "epsilon", Family.DATABASE_SCHEDULES, "a buyer of 2 and a buyer"
                        + " of 1, stock 1", "Redis", "7.0.15", RunFolderFixture.EVERY, Finding.NOT_LINEARIZABLE, null,
                        "-- B1\nDECRBY stock 2", "mvn verify", null, null, Relaxation.REFUSES_WHILE_UNITS_ARE_OUT)));
        RunEvidence evidence = RunEvidence.read(run);
        assertThat(evidence.observations()).filteredOn(o -> o.design().equals("epsilon"))
                .extracting(Observation::accepted).containsExactly(Relaxation.REFUSES_WHILE_UNITS_ARE_OUT);

        String report = MarkdownReport.render(Report.of(evidence));
        assertThat(report).contains("accepted by the design: it may refuse a buyer while another buyer's units are out")
                .contains("never oversells: held by every check, every distinct execution; not linearizable in 1 of 1"
                        + " checks, accepted");
        assertThat(Snapshot.markdown(VerdictMatrix.of(evidence))).contains("| epsilon |")
                .contains("not linearizable, accepted (never)");
    }

    @Test
    void theCounterexamplesAreTheAnomaliesExamplesWithTheirCommands() throws IOException {
        VerdictMatrix matrix = matrix();
        assertThat(matrix.counterexamples).hasSize(1);
        Counterexample c = matrix.counterexamples.get(0);
        assertThat(c.design()).isEqualTo("alpha");
        assertThat(c.check()).isEqualTo("Lincheck");
        assertThat(c.example()).isEqualTo(RunFolderFixture.ALPHA_EXAMPLE);
        assertThat(c.reproduce()).isEqualTo(RunFolderFixture.ALPHA_REPRODUCE);
        assertThat(c.link()).isEqualTo(RunFolderFixture.ALPHA_EVIDENCE);
    }

    @Test
    void theHeaderNamesTheJvmsThatMeasuredOnePerKindOfJvm() throws IOException {
        Report report = Report.of(RunEvidence.read(RunFolderFixture.write(tmp.resolve("runs"))));
        assertThat(report.header()).containsEntry("Run", RunFolderFixture.RUN)
                .containsEntry("Measured on, lincheck (2 kinds of JVM in this run)",
                        RunHeader.describe(RunFolderFixture.LINCHECK_JVM))
                .containsEntry("Measured on, database (2 kinds of JVM in this run)",
                        RunHeader.describe(RunFolderFixture.DATABASE_JVM));
        assertThat(report.header().get("Measured on, database (2 kinds of JVM in this run)"))
                .contains("Java 21.0.2", "Eclipse Adoptium", "2 CPUs", "heap 2,048 MiB", "-XX:+UseParallelGC", "Linux 6.1");
        assertThat(report.header().get("Benchmarks")).isEqualTo("no benchmarks in this run");
    }

    @Test
    void theEnginesVersionsAndSettingsAreATableOfTheirOwn() throws IOException {
        Report report = Report.of(RunEvidence.read(RunFolderFixture.write(tmp.resolve("runs"))));
        assertThat(report.header().get("Engines")).startsWith("H2 · PostgreSQL (their versions and settings:");
        assertThat(MarkdownReport.render(report)).contains("### Engines, as the checks recorded them\n\n"
                + "| engine | version and settings |\n| --- | --- |\n| H2 | H2 2.3.232 |\n"
                + "| PostgreSQL | not measured in this run |\n");
        assertThat(HtmlReport.render(report)).contains("<table id=\"engines\">", "<td>H2 2.3.232</td>");
    }

    @Test
    void familiesMeasuredOnOneKindOfJvmShareOneLine() {
        Map<String, Environment> measured = new LinkedHashMap<>();
        measured.put("lincheck", RunFolderFixture.LINCHECK_JVM);
        measured.put("conformance", RunFolderFixture.LINCHECK_JVM);
        measured.put("database", RunFolderFixture.LINCHECK_JVM);
        assertThat(RunHeader.measuredOn(measured)).containsExactly(Map.entry("Measured on",
                RunHeader.describe(RunFolderFixture.LINCHECK_JVM) + " (every family: lincheck, conformance, database)"));
    }

    @Test
    void theCaveatsSayWhatEachFamilyCoveredInTheRun() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        assertThat(Report.of(RunEvidence.read(run)).caveats())
                .contains("Coverage of Lincheck in this run: every distinct execution (2 checks, 6 runs); not needed"
                        + " (Lincheck stopped at two buyers of 2 units, which saw: oversold).")
                .contains("Coverage of load in this run: not checked (the time budget ran out before the load run).");
    }

    @Test
    void thePowerOfTheChecksOnTheCorpusOfKnownBugsIsShownWithWhatTheyMissed() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Report before = Report.of(RunEvidence.read(run));
        assertThat(before.header().get("Power")).isEqualTo("not measured in this run");
        RunFolderFixture.writePower(run, RunFolderFixture.RUN,
                new Power.Family("Lincheck", 24, 26, 0, 8, List.of("stale-cache", "three-buyers-only"), List.of(), 41),
                new Power.Family("databases", 12, 12, 1, 4, List.of(), List.of("slow-guarded-update on H2"), 80));
        Report report = Report.of(RunEvidence.read(run));
        assertThat(report.header().get("Power")).isEqualTo("Lincheck 24/26 caught, 0 false alarms of 8 correct twins;"
                + " databases 12/12 caught, 1 false alarm of 4 correct twins");
        assertThat(MarkdownReport.render(report)).contains("## Power of the checks")
                .contains("| Lincheck | 24 / 26 | 0 / 8 | stale-cache, three-buyers-only |  | 41 |");
        assertThat(HtmlReport.render(report)).contains("id=\"power\"").contains("slow-guarded-update on H2");
    }

    @Test
    void powerMeasuredInAnotherRunIsRefused() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        RunFolderFixture.writePower(run, "20250101T000000Z");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunEvidence.read(run))
                .isInstanceOf(RefusedEvidence.class).hasMessageContaining("20250101T000000Z");
    }

    @Test
    void theWrittenReportLinksOnlyToFilesBesideIt() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        Path out = tmp.resolve("report");
        assertThat(write(run, out)).isZero();
        assertThat(linksResolvedBeside(out)).as("links in report.html").isGreaterThanOrEqualTo(3);
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| alpha | may oversell | [✗ **oversold**](" + RunFolderFixture.ALPHA_EVIDENCE
                + ")<br>1 of 2 checks oversold; every distinct execution (2 checks, 6 runs); not needed (Lincheck stopped at"
                + " two buyers of 2 units, which saw: oversold) |");
        assertThat(md).contains("No benchmarks in this run").doesNotContain("naive", "synchronized");
        assertThat(md).contains("```\n" + RunFolderFixture.ALPHA_EXAMPLE + "\n```");
    }

    @Test
    void theSameFolderGivesTheSameReport() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        assertThat(write(run, tmp.resolve("one"))).isZero();
        assertThat(write(run, tmp.resolve("two"))).isZero();
        for (String file : new String[] {"report.md", "report.html", "verdict-matrix.md"}) {
            assertThat(Files.readString(tmp.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readString(tmp.resolve("one").resolve(file)));
        }
    }

    @Test
    void benchmarksOfThisRunAreShown() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        RunFolderFixture.writeRatios(run, RunFolderFixture.RUN);
        Report report = Report.of(RunEvidence.read(run));
        assertThat(report.header().get("Benchmarks")).isEqualTo("2 results (jmh/)");
        assertThat(report.header().keySet()).anyMatch(line -> line.startsWith("Measured on, jmh"));
        assertThat(MarkdownReport.render(report)).contains("| in-memory |  | alpha | 2 | 250,000 | 0.005 (1/200) |");
        assertThat(HtmlReport.render(report)).contains("id=\"charts\"").doesNotContain("id=\"no-benchmarks\"");
    }

    @Test
    void aFamilyShownCellByCellGetsAColumnPerCellWhateverItsFolder() throws IOException {
        Path run = RunFolderFixture.write(tmp.resolve("runs"));
        JudgedDesign alpha = RunEvidence.read(run).designs().stream().filter(d -> d.name().equals("alpha"))
                .findFirst().orElseThrow();
        RunFolderFixture.write(run, "jcstress", RunFolderFixture.LINCHECK_JVM, java.util.List.of(alpha), java.util.List.of(
                RunFolderFixture.observation("alpha", Family.JCSTRESS, "LastUnit", null, RunFolderFixture.EVERY, Finding.OVERSOLD,
                        null, "[1, 1] 12 samples: oversold", null, "1,000 samples; 12 oversold"),
                RunFolderFixture.observation("alpha", Family.JCSTRESS, "OddStock", null,
                        new Coverage.NotChecked("needs 4 CPUs, this machine has 2", "a machine with 4 CPUs"), null, null,
                        null, null, "needs 4 CPUs, this machine has 2")));
        VerdictMatrix matrix = VerdictMatrix.of(RunEvidence.read(run));
        assertThat(matrix.inMemoryColumns).extracting(Column::label)
                .containsExactly("Lincheck", "jcstress LastUnit", "jcstress OddStock", "conformance");
        Map<Column, Cell> row = row(matrix, "alpha");
        Cell lastUnit = row.get(new Column(Family.JCSTRESS, "LastUnit"));
        assertThat(lastUnit.verdict()).isEqualTo(Verdict.OVERSOLD);
        assertThat(lastUnit.text()).as("one observation without counts: its note, and its coverage")
                .isEqualTo("1,000 samples; 12 oversold; every distinct execution (3)");
        assertThat(lastUnit.link()).isEqualTo("jcstress/observations.json");
        Cell oddStock = row.get(new Column(Family.JCSTRESS, "OddStock"));
        assertThat(oddStock.verdict()).as("a check this machine cannot run is not checked, never held")
                .isEqualTo(Verdict.NOT_CHECKED);
        assertThat(oddStock.text())
                .isEqualTo("not checked (needs 4 CPUs, this machine has 2; to check it: a machine with 4 CPUs)");
        assertThat(matrix.counterexamples).extracting(Counterexample::check).containsExactly("Lincheck", "jcstress");
        assertThat(Report.of(RunEvidence.read(run)).header())
                .containsKeys("Measured on, database (2 kinds of JVM in this run)",
                        "Measured on, jcstress, lincheck (2 kinds of JVM in this run)");
    }

    /** Checks that every link of {@code out/report.html} leads to a file beside it, and counts them. */
    static int linksResolvedBeside(Path out) throws IOException {
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(Files.readString(out.resolve("report.html")));
        int links = 0;
        while (href.find()) {
            links++;
            assertThat(out.resolve(href.group(1))).as("the link %s of report.html", href.group(1)).isRegularFile();
        }
        return links;
    }

    static int write(Path run, Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportMain.run(new String[] {run.toString(), out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("ReportMain's status; it said: %s", err.toString(StandardCharsets.UTF_8)).isNotNegative();
        return status;
    }
}
