package dev.oversell.report;

import dev.oversell.store.Engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the report of a run into a folder: {@code report.md} (for pasting into a review), {@code report.html}
 * (one self-contained page), {@code verdict-matrix.md} (the snapshot, which {@code ./verdicts} copies over
 * {@code docs/verdict-matrix.md}), and a copy of every evidence file the cells link to. It judges nothing: the
 * suites already failed the build if a design contradicted its claim. Arguments: the project's root folder, the
 * output folder.
 */
public final class ReportMain {

    private ReportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "report/target/oversell/report"));
        RunEvidence evidence = RunEvidence.read(root);
        evidence.copyInto(out);
        VerdictMatrix matrix = VerdictMatrix.of(evidence);
        List<String> caveats = caveats(matrix);
        Map<String, String> environment = Environment.of(evidence);
        Files.writeString(out.resolve("report.md"), MarkdownReport.render(matrix, environment, evidence, caveats));
        Files.writeString(out.resolve("report.html"), HtmlReport.render(matrix, environment, evidence, caveats));
        Files.writeString(out.resolve("verdict-matrix.md"), Snapshot.markdown(matrix));
        System.out.println("[report] written to " + out.resolve("report.html") + " and report.md: "
                + matrix.inMemory.size() + " in-memory and " + matrix.database.size() + " database designs");
        System.out.println("[report] the snapshot " + out.resolve("verdict-matrix.md")
                + " is what ./verdicts copies over docs/verdict-matrix.md");
    }

    private static List<String> caveats(VerdictMatrix matrix) {
        List<String> caveats = new ArrayList<>(List.of(
                "A probe is not a proof. jcstress, the load runs and the reproduction search sample; a zero count means "
                        + "nothing was seen in that many samples on this machine.",
                "Lincheck's model checker explores a bounded number of interleavings of each critical scenario (the"
                        + " summary says when that was every one); actor designs are model-checked on the callers'"
                        + " threads. In jcstress, actor designs run on the calling-thread executor.",
                "The database interleavings are exhaustive for two transactions, and for three buyers of short designs"
                        + " up to 12 schedules (sampled with a printed seed above that); the verdicts hold for these"
                        + " engine versions and default settings.",
                "The deployment checks use 2 instances and one hot product; single-owner routing is in-process.",
                "Benchmarks on 2 cores with short iterations have wide errors; compare ratios within one run only."));
        List<String> notMeasured = new ArrayList<>();
        matrix.inMemory.forEach((design, row) -> row.forEach((column, cell) -> note(caveats, notMeasured,
                design.name() + " / " + column.label(), cell)));
        for (Engine engine : Engine.values()) {
            if (!matrix.database.isEmpty()
                    && matrix.database.values().stream().allMatch(row -> row.get(engine).notMeasured())) {
                notMeasured.add("every database design on " + engine.label());
                continue;
            }
            matrix.database.forEach((design, row) -> row.get(engine).checks().forEach(c -> note(caveats, notMeasured,
                    design.name() + " / " + engine.label() + " " + c.check(), c.cell())));
        }
        if (!notMeasured.isEmpty()) {
            caveats.add("Not measured in this run (engine unreachable or check left out): "
                    + String.join(", ", notMeasured));
        }
        return caveats;
    }

    /** A skipped check becomes a caveat of its own (with its reason); a check that did not run joins the list. */
    private static void note(List<String> caveats, List<String> notMeasured, String where, Cell cell) {
        if (cell.verdict() == Verdict.SKIPPED) {
            caveats.add(where + " was skipped: " + cell.text());
        } else if (cell.verdict() == Verdict.NOT_RUN) {
            notMeasured.add(where);
        }
    }
}
