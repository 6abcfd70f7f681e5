package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oversell.store.Engine;

import java.util.List;
import java.util.Map;

/** The report as Markdown, for pasting into a design review. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(VerdictMatrix matrix, Map<String, String> environment, RunEvidence evidence,
                         List<String> caveats) {
        StringBuilder md = new StringBuilder("# Oversell verdicts\n\n");
        environment.forEach((k, v) -> md.append("- **").append(k).append(":** ").append(v).append('\n'));
        md.append("\nLegend: ").append(Verdict.legend(" · ")).append(". Each finding links to its evidence. A claim"
                + " is checked both ways: \"never\" must hold in every check, \"may\" must be demonstrated by an actual"
                + " oversell (a lost update or a non-linearizable read is a bug, but not an oversell).\n\n");
        md.append("## In-memory designs\n\nOne instance, many threads: Lincheck and each jcstress scenario this run"
                + " chose.\n\n| design | claim |");
        matrix.inMemoryColumns.forEach(c -> md.append(' ').append(c.label()).append(" |"));
        md.append("\n|---|---|");
        matrix.inMemoryColumns.forEach(c -> md.append("---|"));
        md.append('\n');
        matrix.inMemory.forEach((design, row) -> {
            md.append("| ").append(design.name()).append(" | ").append(VerdictMatrix.words(design.claim())).append(" |");
            row.values().forEach(cell -> md.append(' ').append(verdict(cell))
                    .append(cell.verdict() == Verdict.NOT_APPLICABLE ? "" : "<br>" + cell.text()).append(" |"));
            md.append('\n');
        });
        md.append("\n## Database designs\n\nPer engine: the claims, then every interleaving of the purchase's"
                + " statements and a seeded load run with one app instance, and the deployment check with 2 instances"
                + " sharing the database.\n\n| design |");
        for (Engine engine : Engine.values()) {
            md.append(' ').append(engine.label()).append(" |");
        }
        md.append("\n|---|");
        for (Engine ignored : Engine.values()) {
            md.append("---|");
        }
        md.append('\n');
        matrix.database.forEach((design, row) -> {
            md.append("| ").append(design.name()).append(" |");
            row.values().forEach(cells -> {
                md.append(" claims: ").append(cells.claims());
                if (cells.notMeasured()) {
                    md.append("<br>").append(verdict(cells.interleavings())).append(' ').append(cells.interleavings().text());
                } else {
                    cells.checks().forEach(c -> md.append("<br>").append(c.check()).append(": ").append(verdict(c.cell()))
                            .append(' ').append(c.cell().text()));
                }
                md.append(" |");
            });
            md.append('\n');
        });
        if (!matrix.runtimeChecks.isEmpty()) {
            md.append("\n## The actor runtime's own guarantees (jcstress)\n\n| check | samples | verdict |\n|---|---:|---|\n");
            for (JsonNode r : matrix.runtimeChecks) {
                md.append(String.format("| %s | %,d | %s |%n", r.path("scenario").asText(), r.path("samples").asLong(),
                        r.path("verdict").asText()));
            }
        }
        md.append("\n## Caught oversells: the smallest counterexamples\n");
        for (Counterexample c : matrix.counterexamples) {
            md.append("\n### ").append(c.variant()).append(" — ").append(c.check()).append(" (").append(c.kind())
                    .append(")\n\nReproduce: `").append(c.reproduce()).append("`  \nEvidence: [").append(c.link())
                    .append("](").append(c.link()).append(")\n\n```\n").append(trim(c.text(), 60)).append("\n```\n");
        }
        md.append("\n## Cost of safety (JMH)\n\n");
        if (evidence.jmh().size() == 0) {
            md.append("No benchmark results in this run: `./verdicts` runs them first; see docs/benchmarks.md.\n");
        } else {
            md.append("| group | engine | design | threads | ops/s | ratio to the reference |\n|---|---|---|---:|---:|---:|\n");
            for (JsonNode r : evidence.jmh()) {
                md.append(String.format("| %s | %s | %s | %d | %,.0f | %.3f |%n", r.path("group").asText(),
                        r.path("engine").isNull() ? "" : r.path("engine").asText(""), Charts.name(r),
                        r.path("threads").asInt(), r.path("opsPerSecond").asDouble(), r.path("ratio").asDouble()));
            }
        }
        md.append("\n## Caveats\n\n");
        caveats.forEach(c -> md.append("- ").append(c).append('\n'));
        return md.toString();
    }

    /** The verdict's symbol and word (oversold in bold), linked to its evidence when there is some. */
    private static String verdict(Cell cell) {
        String word = cell.verdict() == Verdict.OVERSOLD ? "**oversold**" : cell.verdict().word;
        String text = cell.verdict().symbol + " " + word;
        return cell.link() == null ? text : "[" + text + "](" + cell.link() + ")";
    }

    static String trim(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.size() <= lines ? text.strip()
                : String.join("\n", all.subList(0, lines)) + "\n… (" + (all.size() - lines) + " more lines in the file)";
    }
}
