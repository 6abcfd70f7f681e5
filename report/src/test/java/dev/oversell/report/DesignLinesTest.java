package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation.Family;
import dev.oversell.run.JudgedDesign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.oversell.report.RunFolderFixture.EVERY;
import static dev.oversell.report.RunFolderFixture.observation;
import static org.assertj.core.api.Assertions.assertThat;

/** The report's first lines, one per design: its claim and what the run's checks made of it. */
class DesignLinesTest {

    @TempDir
    Path tmp;

    private static final JudgedDesign GUARDED = new JudgedDesign("guarded", "in-memory", "example.Guarded",
            "CALLER_THREAD", "a lock around check and take", Map.of("single-instance", Claim.NEVER_OVERSELLS));

    @Test
    void eachDesignOfTheRunHasALineThatSaysWhatItsChecksMadeOfIt() throws IOException {
        Report report = Report.of(RunEvidence.read(RunFolderFixture.write(tmp.resolve("runs"))));
        assertThat(DesignLines.of(report.run(), report.matrix())).containsExactly(
                Map.entry("alpha", "may oversell: caught by Lincheck"),
                Map.entry("beta", "never oversells: not established, 1 of 4 checks did not cover what they name"));
        assertThat(MarkdownReport.render(report)).contains("## Each design, in a line\n\n"
                + "- `alpha`: may oversell: caught by Lincheck\n");
        assertThat(HtmlReport.render(report)).contains("<li><code>alpha</code>: may oversell: caught by Lincheck</li>");
    }

    @Test
    void aNeverClaimHeldByEveryCheckSaysHowFarTheyReached() {
        assertThat(DesignLines.line(GUARDED, List.of(
                observation("guarded", Family.LINCHECK, "last unit", null, EVERY, Finding.HELD, null, null, null, null))))
                .isEqualTo("never oversells: held by every check, every distinct execution");
        assertThat(DesignLines.line(GUARDED, List.of(
                observation("guarded", Family.LINCHECK, "last unit", null, EVERY, Finding.HELD, null, null, null, null),
                observation("guarded", Family.JCSTRESS, "LastUnit", null,
                        new Coverage.Sampled(20_000, 0, "samples", null), Finding.HELD, null, null, null, null))))
                .isEqualTo("never oversells: held by every check, some of them every distinct execution, some"
                        + " sampled (the cells below say which)");
    }

    @Test
    void aNeverClaimThatSawAnAnomalyIsAMismatchNamingWhoSawIt() {
        assertThat(DesignLines.line(GUARDED, List.of(
                observation("guarded", Family.LINCHECK, "last unit", null, EVERY, Finding.LOST_UPDATE, null,
                        "T1, T2", null, null))))
                .isEqualTo("never oversells: MISMATCH, lost update seen by Lincheck");
    }

    @Test
    void aDesignThatClaimsNeverOnOneInstanceAndMayOnSeveralGetsBothHalves() {
        JudgedDesign monitor = new JudgedDesign("monitor", "database", "example.Monitor", "DATABASE",
                "synchronized around read and write", Map.of("h2/single-instance", Claim.NEVER_OVERSELLS,
                "h2/shared-store", Claim.MAY_OVERSELL));
        assertThat(DesignLines.line(monitor, List.of(
                observation("monitor", Family.DATABASE_SCHEDULES, "last unit", "H2", EVERY, Finding.HELD, null, null,
                        null, null),
                observation("monitor", Family.DEPLOYMENT, "last unit", "H2", EVERY, Finding.OVERSOLD, null, "T1, T2",
                        null, null))))
                .isEqualTo("on one instance: never oversells: held by every check, every distinct execution;"
                        + " with several instances: may oversell: caught by 2 instances on H2");
    }
}
