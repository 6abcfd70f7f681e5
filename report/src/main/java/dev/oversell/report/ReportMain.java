package dev.oversell.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the report of a run into a folder: {@code report.md} (for pasting into a review), {@code report.html}
 * (one self-contained page), {@code verdict-matrix.md} (the snapshot), and a copy of every evidence file the
 * cells link to. Then compares the snapshot with {@code docs/verdict-matrix.md} and exits 1 if a verdict this
 * run measured disagrees with the docs. Arguments: the project's root folder, the output folder.
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
        Snapshot.Comparison comparison = Snapshot.compare(matrix, root.resolve("docs/verdict-matrix.md"));
        List<String> caveats = caveats(matrix, comparison);
        Map<String, String> environment = Environment.of(evidence);
        Files.writeString(out.resolve("report.md"), MarkdownReport.render(matrix, environment, evidence, caveats));
        Files.writeString(out.resolve("report.html"), HtmlReport.render(matrix, environment, evidence, caveats));
        Files.writeString(out.resolve("verdict-matrix.md"), Snapshot.markdown(matrix));
        System.out.println("[report] written to " + out.resolve("report.html") + " and report.md");
        if (!comparison.disagreements().isEmpty()) {
            System.out.println("[report] FAILED: docs/verdict-matrix.md disagrees with what this run measured:");
            comparison.disagreements().forEach(d -> System.out.println("[report]   " + d));
            System.out.println("[report] If the change is intended, copy " + out.resolve("verdict-matrix.md")
                    + " over docs/verdict-matrix.md and say why in the commit.");
            System.exit(1);
        }
        System.out.println("[report] docs/verdict-matrix.md agrees with every verdict this run measured"
                + (comparison.notCompared().isEmpty() ? "" : " (" + comparison.notCompared().size()
                + " cells not measured here, not compared)"));
    }

    private static List<String> caveats(VerdictMatrix matrix, Snapshot.Comparison comparison) {
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
        matrix.rows.forEach((variant, row) -> row.forEach((column, cell) -> {
            if (cell.verdict() == Verdict.SKIPPED) {
                caveats.add(variant + " / " + column.label() + " was skipped: " + cell.text());
            }
        }));
        if (!comparison.notCompared().isEmpty()) {
            caveats.add("Not measured in this run (engine unreachable or check skipped): "
                    + String.join(", ", comparison.notCompared()));
        }
        return caveats;
    }
}
