package dev.oversell.report;

import dev.oversell.run.RunFolder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The report of the run in progress, rewritten by every suite when it ends: the report is a function of the run
 * folder alone, so each rewrite is complete for what has been measured so far, and the last suite of a build
 * leaves the whole report, whatever order the suites ran in and whether or not some failed. A project that
 * depends on Oversell gets {@code target/oversell/report/report.html} (and {@code report.md}) this way, with no
 * plugin to configure.
 */
public final class RunReport {

    private RunReport() {
    }

    /** Where the report of this run goes: {@code report/} beside the folder of runs. */
    public static Path folder() {
        return RunFolder.runs().toAbsolutePath().resolveSibling("report");
    }

    /**
     * Rewrites the report of this run. It never fails the suite that calls it: a report that cannot be written
     * (evidence of another run in the folder, a disk error) is said loudly, and the suite's own verdicts stand.
     */
    public static void refresh() {
        try {
            int status = ReportMain.run(new String[] {RunFolder.dir().toString(), folder().toString()}, System.out,
                    System.out);
            if (status != 0) {
                System.out.println("[report] !!! the report of run " + RunFolder.id() + " was not written (status "
                        + status + ")");
            }
        } catch (IOException | RuntimeException failed) {
            System.out.println("[report] !!! the report of run " + RunFolder.id() + " was not written: " + failed);
        }
    }
}
