package dev.oversell.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the report of a run folder: {@code ReportMain <run folder> <out>}. The report is a pure function of that
 * folder (every {@code <family>/observations.json} and {@code jmh/ratios.json} in it): into {@code out} go
 * {@code report.md} (for pasting into a review), {@code report.html} (one self-contained page),
 * {@code verdict-matrix.md} (the snapshot, which {@code ./verdicts} copies over {@code docs/verdict-matrix.md} from a
 * full run's report, never a partial run's: a shard's, a chosen design's),
 * and a copy of the run folder's files, so that every link resolves beside the report. A file of another run is
 * refused: the report exits with status 2 and names the file and both run ids.
 *
 * <p>{@code ReportMain <run folder> <run folder>... <out>}: one report of several run folders, the shards of one run
 * ({@code -Doversell.shard=k/n}) measured on several machines, each folder wherever its job's files were put
 * ({@link MergedRuns}: refused, with status 2, when the folders are not the shards of one run). Folders are named as
 * paths, not run ids, because a CI job that merges shards downloads their folders to wherever it likes, and the last
 * argument stays the output, as in the two-argument form every build already uses. The copy of each folder goes
 * into {@code out/<run id>/}, where the report's links lead. Folders that do not hold every unit of the run (a shard
 * missing, a family a shard did not write) are refused too, naming the shard and family, unless the first argument
 * is {@code --partial}: then the report, its header and {@code verdict-matrix.md} say loudly that it is partial.
 */
public final class ReportMain {

    /** The exit status when the run folder's evidence is refused. */
    static final int REFUSED = 2;
    /** The first argument that asks for a report of run folders that do not hold every unit of the run. */
    static final String PARTIAL = "--partial";

    private ReportMain() {
    }

    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Writes the report; 0 when written, {@value #REFUSED} when the evidence is refused, 64 for bad arguments. */
    static int run(String[] arguments, PrintStream out, PrintStream err) throws IOException {
        boolean partial = arguments.length > 0 && arguments[0].equals(PARTIAL);
        String[] args = partial ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        if (args.length < 2) {
            err.println("[report] usage: ReportMain <run folder: target/oversell/runs/<id>> <output folder>, or"
                    + " ReportMain [" + PARTIAL + "] <run folder> <run folder>... <output folder> for the shards of"
                    + " one run");
            return 64;
        }
        List<Path> folders = Arrays.stream(args, 0, args.length - 1).map(Path::of).toList();
        Report report;
        try {
            report = Report.of(RunEvidence.read(folders, partial));
        } catch (RefusedEvidence refused) {
            err.println("[report] !!! " + refused.getMessage());
            return REFUSED;
        }
        Path dir = Files.createDirectories(Path.of(args[args.length - 1]));
        report.run().copyInto(dir);
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(report));
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(report));
        Files.writeString(dir.resolve("verdict-matrix.md"), Snapshot.markdown(report.matrix(), report.run().missing()));
        out.println("[report] run " + report.run().runId() + " (" + report.run().sources().stream()
                .map(source -> source.folder().toString()).collect(Collectors.joining(", ")) + "): "
                + report.matrix().inMemory.size() + " in-memory and " + report.matrix().database.size()
                + " database designs, " + report.run().families().stream().map(RunEvidence.FamilyFile::folder)
                .distinct().count() + " families of checks; "
                + (report.benchmarks().isEmpty() ? report.benchmarks().none()
                : report.benchmarks().ratios().size() + " benchmark results"));
        List<String> partialRun = report.run().partial();
        String docs = !partialRun.isEmpty() ? "; a partial run's (" + String.join(" ", partialRun) + "): no page of docs/"
                + " is made from it" : report.run().merged() ? ""
                : "; the snapshot verdict-matrix.md is what ./verdicts copies over docs/verdict-matrix.md";
        out.println("[report] written to " + dir.resolve("report.html") + " and report.md, with the run's files"
                + (report.run().merged() ? " (each folder's under its run id)" : "") + docs);
        if (!report.run().missing().isEmpty()) {
            out.println("[report] !!! PARTIAL, not the whole run (" + PARTIAL + "): " + String.join("; ",
                    report.run().missing()));
        }
        return 0;
    }
}
