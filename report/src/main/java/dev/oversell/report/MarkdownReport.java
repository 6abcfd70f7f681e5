package dev.oversell.report;

import dev.oversell.run.RatioText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Observation;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.MarkdownTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as Markdown, for pasting into a design review. Every table goes through {@link MarkdownTable}. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(Report report) {
        VerdictMatrix matrix = report.matrix();
        StringBuilder md = new StringBuilder("# Oversell verdicts\n\n");
        report.header().forEach((k, v) -> md.append("- **").append(k).append(":** ").append(v).append('\n'));
        md.append("\n## Each design, in a line\n\n");
        DesignLines.of(report.run(), matrix).forEach((design, line) -> md.append("- `").append(design).append("`: ")
                .append(line).append('\n'));
        md.append("\nLegend: ").append(Verdict.legend(" · ")).append(". Each finding links to its evidence (files of"
                + " the run folder, copied beside this report). A claim is checked both ways: \"never\" must hold in"
                + " every check, \"may\" must be demonstrated by an actual oversell (a partially applied order, a lost"
                + " update or a non-linearizable read is a bug, but not an oversell).\n\n");

        md.append("## In-memory designs\n\nOne instance, many threads: each family of checks (jcstress: each"
                + " scenario this run chose).\n\n");
        List<String> header = new ArrayList<>(List.of("design", "claim"));
        matrix.inMemoryColumns.forEach(c -> header.add(c.label()));
        MarkdownTable inMemory = MarkdownTable.of(header);
        matrix.inMemory.forEach((design, row) -> {
            List<String> cells = new ArrayList<>(List.of(design.name(), claim(design)));
            row.values().forEach(cell -> cells.add(verdict(cell) + "\n" + cell.text()));
            inMemory.row(cells);
        });
        md.append(inMemory.render());

        md.append("\n## Database designs\n\nPer engine: the claims, then every interleaving of the purchase's"
                + " statements and a seeded load run with one app instance, and the deployment check with 2 instances"
                + " sharing the database. A cluster design (its nodes separate processes writing to the database): its cluster's"
                + " fault run, one check per fault.\n\n");
        List<String> engines = new ArrayList<>(List.of("design"));
        matrix.engines.forEach(e -> engines.add(VerdictMatrix.engineLabel(e)));
        MarkdownTable database = MarkdownTable.of(engines);
        matrix.database.forEach((design, row) -> {
            List<String> cells = new ArrayList<>(List.of(design.name()));
            row.values().forEach(engine -> {
                StringBuilder cell = new StringBuilder("claims: ").append(engine.claims());
                if (engine.claimsNothing()) {
                    cell.setLength(0);
                    cell.append(Verdict.NOT_APPLICABLE.symbol).append(' ').append(Verdict.NOT_APPLICABLE.word)
                            .append(": claims nothing here");
                } else if (engine.notMeasured()) {
                    cell.append("\n").append(verdict(engine.checks().get(0).cell())).append(" not measured in this run");
                } else {
                    engine.checks().forEach(c -> cell.append('\n').append(c.check()).append(": ")
                            .append(verdict(c.cell())).append(' ').append(c.cell().text()));
                }
                cells.add(cell.toString());
            });
            database.row(cells);
        });
        md.append(database.render());
        if (!matrix.engines.isEmpty()) {
            md.append("\n### Engines, as the checks recorded them\n\n");
            MarkdownTable engineTable = MarkdownTable.of(List.of("engine", "version and settings"));
            matrix.engines.forEach(e -> engineTable.row(List.of(VerdictMatrix.engineLabel(e),
                    matrix.engineVersions.getOrDefault(e, "not measured in this run"))));
            md.append(engineTable.render());
        }

        md.append(PowerSection.markdown(report.run().power()));

        if (!matrix.otherChecks.isEmpty()) {
            md.append("\n## Other checks in this run\n\nChecks of something the run judged no claim of (such as the"
                    + " actor runtime's own guarantees).\n\n").append(otherChecks(matrix.otherChecks).render());
        }

        md.append("\n## Caught anomalies: the smallest counterexamples\n");
        if (matrix.counterexamples.isEmpty()) {
            md.append("\nNo check of this run saw an anomaly.\n");
        }
        for (Counterexample c : matrix.counterexamples) {
            md.append("\n### ").append(c.design()).append(" — ").append(c.check()).append(": ")
                    .append(c.finding().word()).append("\n\nCheck: ").append(c.cell()).append("  \nReproduce: `")
                    .append(c.reproduce() == null ? "(not recorded)" : c.reproduce()).append('`');
            if (c.link() != null) {
                md.append("  \nEvidence: [").append(c.link()).append("](").append(c.link()).append(')');
            }
            md.append("\n\n```\n").append(trim(c.example(), 60)).append("\n```\n");
        }

        md.append("\n## Cost of safety (JMH)\n\n");
        if (report.benchmarks().isEmpty()) {
            md.append(capitalised(report.benchmarks().none())).append(": `./verdicts` runs them before `mvn verify`,"
                    + " with the same run id; see docs/benchmarks.md.\n");
        } else {
            MarkdownTable jmh = MarkdownTable.of("group", "engine", "design", "threads", "ops/s", "ratio to the reference")
                    .alignRight(3, 4, 5);
            for (JsonNode r : report.benchmarks().ratios()) {
                jmh.row(r.path("group").asText(), r.path("engine").asText(""), Charts.name(r), r.path("threads").asInt(),
                        number(r.path("opsPerSecond"), "%,.0f"), ratio(r.path("ratio")));
            }
            String dir = report.benchmarks().dir();
            md.append("From " + dir + "/ratios.json; the full tables are in [" + dir + "/summary.md](" + dir
                    + "/summary.md).\n\n")
                    .append(jmh.render());
        }
        md.append("\n## Caveats\n\n");
        report.caveats().forEach(c -> md.append("- ").append(c).append('\n'));
        return md.toString();
    }

    static MarkdownTable otherChecks(List<Observation> observations) {
        MarkdownTable table = MarkdownTable.of("subject", "family", "check", "verdict", "note");
        observations.forEach(o -> table.row(o.design(), o.family().name(), o.cell(),
                o.checked() ? o.finding().word() + ", " + o.coverage().words() : o.coverage().words(),
                o.note()));
        return table;
    }

    private static String claim(JudgedDesign design) {
        return VerdictMatrix.words(design.claims().getOrDefault(JudgedDesign.key(Deployment.SINGLE_INSTANCE),
                Claim.NOT_APPLICABLE));
    }

    /** The verdict's symbol and word (oversold in bold), linked to its evidence when there is some. */
    private static String verdict(Cell cell) {
        String word = cell.verdict() == Verdict.OVERSOLD ? "**oversold**" : cell.verdict().word;
        String text = cell.verdict().symbol + " " + word;
        return cell.link() == null ? text : "[" + text + "](" + cell.link() + ")";
    }

    private static String number(JsonNode value, String format) {
        return value.isNumber() ? String.format(Locale.ROOT, format, value.asDouble()) : "—";
    }

    /** Two significant digits; below 0.5 also as "1/N", which reads better for small ratios ("0.0012 (1/820)"). */
    static String ratio(JsonNode value) {
        return RatioText.of(value.isNumber() ? value.asDouble() : null);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String trim(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.size() <= lines ? text.strip()
                : String.join("\n", all.subList(0, lines)) + "\n… (" + (all.size() - lines) + " more lines in the file)";
    }
}
