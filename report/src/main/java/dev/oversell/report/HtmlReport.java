package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oversell.design.Variants;
import dev.oversell.design.Variant;

import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page (inline CSS and SVG, no script, no network): the environment,
 * the verdict matrix with a link per cell, the charts, the counterexamples and the caveats.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1800px}
            h1{font-size:24px}h2{font-size:18px;margin-top:32px}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top}
            th{background:#f3f3f3;font-weight:600}
            #verdict-matrix td{font-size:12px;min-width:90px}#verdict-matrix th{font-size:12px}
            td.oversold{background:#fbd5d5}td.held{background:#d9f2d9}td.lostupdate,td.notlinearizable{background:#fde8c8}
            td.na{background:#fafafa;color:#999}td.skipped,td.notrun{background:#eee;color:#666}
            td .v{font-weight:600;display:block}a{color:#1a4f8b}
            pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px;max-height:420px}
            dl.env{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dl.env dt{font-weight:600}
            .chart-title{font-weight:600;font-size:14px}.label{font-size:12px}.value{font-size:11px;fill:#333}
            .note{color:#666}
            """;

    private HtmlReport() {
    }

    static String render(VerdictMatrix matrix, Map<String, String> environment, RunEvidence evidence,
                         List<String> caveats) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Oversell verdicts</title><style>" + STYLE + "</style></head><body>");
        h.append("<h1>Oversell verdicts</h1><dl class=\"env\">");
        environment.forEach((k, v) -> h.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                .append(Html.escape(v)).append("</dd>"));
        h.append("</dl><p>").append(Html.escape(Verdict.legend(" · "))).append(". Claims are checked both ways: "
                + "“never” must hold in every check, “may” must be demonstrated by an actual oversell. Each cell "
                + "links to its evidence.</p>");
        h.append("<h2>Verdict matrix</h2><table id=\"verdict-matrix\"><thead><tr><th>design</th><th>claims</th>");
        matrix.columns.forEach(c -> h.append("<th>").append(Html.escape(c.label())).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (Variant variant : Variants.all()) {
            h.append("<tr><th>").append(Html.escape(variant.name())).append("</th><td>")
                    .append(Html.escape(VerdictMatrix.claims(variant))).append("</td>");
            matrix.rows.get(variant.name()).forEach((column, cell) -> {
                String css = switch (cell.verdict()) {
                    case OVERSOLD -> "oversold";
                    case HELD -> "held";
                    case LOST_UPDATE -> "lostupdate";
                    case NOT_LINEARIZABLE -> "notlinearizable";
                    case NOT_APPLICABLE -> "na";
                    case SKIPPED -> "skipped";
                    case NOT_RUN -> "notrun";
                };
                String verdict = cell.verdict().symbol + " " + cell.verdict().word;
                h.append("<td class=\"").append(css).append("\" title=\"").append(Html.escape(cell.text())).append("\">")
                        .append("<span class=\"v\">").append(cell.link() == null ? Html.escape(verdict)
                                : "<a href=\"" + Html.escape(cell.link()) + "\">" + Html.escape(verdict) + "</a>")
                        .append("</span>").append(cell.verdict() == Verdict.NOT_APPLICABLE ? "" : Html.escape(cell.text()))
                        .append("</td>");
            });
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        if (!matrix.runtimeChecks.isEmpty()) {
            h.append("<h2>The actor runtime's own guarantees (jcstress)</h2><table><tr><th>check</th><th>samples</th>"
                    + "<th>verdict</th></tr>");
            for (JsonNode r : matrix.runtimeChecks) {
                h.append(String.format("<tr><td>%s</td><td>%,d</td><td>%s</td></tr>", Html.escape(r.path("scenario").asText()),
                        r.path("samples").asLong(), Html.escape(r.path("verdict").asText())));
            }
            h.append("</table>");
        }
        h.append("<h2>Cost of safety (JMH)</h2>");
        if (evidence.jmh().size() == 0) {
            h.append("<p class=\"note\" id=\"no-benchmarks\">No benchmark results in this run: <code>./verdicts</code> "
                    + "runs them first (docs/benchmarks.md).</p>");
        } else {
            h.append("<div id=\"charts\">").append(Charts.inMemoryThroughput(evidence.jmh()))
                    .append(Charts.costOfSafety(evidence.jmh())).append("</div>");
        }
        h.append("<h2>Caught oversells: the smallest counterexamples</h2>");
        for (Counterexample c : matrix.counterexamples) {
            h.append("<h3>").append(Html.escape(c.variant() + " — " + c.check() + " (" + c.kind() + ")")).append("</h3>")
                    .append("<p>Reproduce: <code>").append(Html.escape(c.reproduce())).append("</code> · evidence: <a href=\"")
                    .append(Html.escape(c.link())).append("\">").append(Html.escape(c.link())).append("</a></p><pre>")
                    .append(Html.escape(MarkdownReport.trim(c.text(), 60))).append("</pre>");
        }
        h.append("<h2>Caveats</h2><ul>");
        caveats.forEach(c -> h.append("<li>").append(Html.escape(c)).append("</li>"));
        h.append("</ul></body></html>\n");
        return h.toString();
    }
}
