package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Observation;
import dev.oversell.run.JudgedDesign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page (inline CSS and SVG, no network): the environment, the verdicts in
 * two tables (in-memory designs; database designs with one compact cell per engine) with a link per finding, the
 * charts, the counterexamples and the caveats. Each table fits a 1600 px window: its only script measures the
 * tables after layout, for the page check ({@code ReportPageIT}) to read.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1800px}
            h1{font-size:24px}h2{font-size:18px;margin-top:32px}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top}
            th{background:#f3f3f3;font-weight:600}
            table.verdicts td,table.verdicts th{font-size:12px}#in-memory-designs td{min-width:90px}
            th.design{text-align:left}th.design .name{white-space:nowrap}
            .mech{display:block;max-width:230px;font-weight:normal;color:#666;font-size:11px}
            th .version{display:block;font-weight:normal;color:#666;font-size:11px;overflow-wrap:anywhere}
            #database-designs td{padding:2px 3px}
            .oversold{background:#fbd5d5}.held{background:#d9f2d9}.partiallyapplied,.lostupdate,.hung,.notlinearizable{background:#fde8c8}
            .na{background:#fafafa;color:#999}.notrun{background:#eee;color:#666}.notchecked{background:#fff3b0}
            td .v{font-weight:600;display:block}a{color:#1a4f8b}
            .f{padding:1px 4px;margin:2px 0}.f .v{display:inline}.f .check{display:inline-block;min-width:78px;color:#444}
            .claim{padding:1px 4px;color:#444}
            pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px;max-height:420px}
            dl.env{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dl.env dt{font-weight:600}
            .chart-title{font-weight:600;font-size:14px}.label{font-size:12px}.value{font-size:11px;fill:#333}
            .note{color:#666}
            """;

    /**
     * The page's only script: after layout, writes each verdict table's width into {@code data-width} (and the
     * page's width and where the last verdict table ends into the body's {@code data-page-width} and
     * {@code data-tables-bottom}), where the page check reads them from Chromium's DOM dump.
     */
    private static final String MEASURE_WIDTHS = "<script>for(const t of document.querySelectorAll('table.verdicts'))"
            + "t.dataset.width=Math.ceil(Math.max(t.scrollWidth,t.getBoundingClientRect().width));"
            + "document.body.dataset.pageWidth=document.documentElement.scrollWidth;"
            + "document.body.dataset.tablesBottom=Math.ceil(Math.max(0,...[...document.querySelectorAll("
            + "'table.verdicts')].map(t=>t.getBoundingClientRect().bottom+window.scrollY)));</script>";

    private HtmlReport() {
    }

    static String render(Report report) {
        VerdictMatrix matrix = report.matrix();
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Oversell verdicts, run " + Html.escape(report.run().runId()) + "</title><style>" + STYLE
                + "</style></head><body>");
        h.append("<h1>Oversell verdicts</h1><dl class=\"env\">");
        report.header().forEach((k, v) -> h.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                .append(Html.escape(v)).append("</dd>"));
        h.append("</dl><h2 id=\"each-design\">Each design, in a line</h2><ul class=\"designs\">");
        DesignLines.of(report.run(), matrix).forEach((design, line) -> h.append("<li><code>").append(Html.escape(design))
                .append("</code>: ").append(Html.escape(line)).append("</li>"));
        h.append("</ul><p>").append(Html.escape(Verdict.legend(" · "))).append(". Claims are checked both ways: "
                + "“never” must hold in every check, “may” must be demonstrated by an actual oversell. Each finding "
                + "links to its evidence (files of the run folder, copied beside this page).</p>");
        inMemoryTable(h, matrix);
        databaseTable(h, matrix);
        h.append(PowerSection.html(report.run().power()));
        if (!matrix.otherChecks.isEmpty()) {
            h.append("<h2>Other checks in this run</h2><p class=\"note\">Checks of something the run judged no claim"
                    + " of (such as the actor runtime's own guarantees).</p><table><tr><th>subject</th><th>family</th>"
                    + "<th>check</th><th>verdict</th><th>note</th></tr>");
            for (Observation o : matrix.otherChecks) {
                h.append("<tr><td>").append(Html.escape(o.design())).append("</td><td>").append(Html.escape(o.family().name()))
                        .append("</td><td>").append(Html.escape(o.cell())).append("</td><td>")
                        .append(Html.escape(o.checked() ? o.finding().word() + ", " + o.coverage().words()
                                : o.coverage().words()))
                        .append("</td><td>").append(Html.escape(o.note())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h2>Cost of safety (JMH)</h2>");
        if (report.benchmarks().isEmpty()) {
            h.append("<p class=\"note\" id=\"no-benchmarks\">").append(Html.escape(MarkdownReport.capitalised(
                    report.benchmarks().none()))).append(": <code>./verdicts</code> runs them before <code>mvn verify</code>,"
                    + " with the same run id (docs/benchmarks.md).</p>");
        } else {
            String jmh = Html.escape(report.benchmarks().dir());
            h.append("<p class=\"note\">From <a href=\"" + jmh + "/ratios.json\">" + jmh + "/ratios.json</a>; the"
                    + " tables are in <a href=\"" + jmh + "/summary.md\">" + jmh + "/summary.md</a>.</p><div id=\"charts\">")
                    .append(Charts.inMemoryThroughput(report.benchmarks().ratios()))
                    .append(Charts.costOfSafety(report.benchmarks().ratios())).append("</div>");
        }
        h.append("<h2>Caught anomalies: the smallest counterexamples</h2>");
        if (matrix.counterexamples.isEmpty()) {
            h.append("<p>No check of this run saw an anomaly.</p>");
        }
        for (Counterexample c : matrix.counterexamples) {
            h.append("<h3>").append(Html.escape(c.design() + " — " + c.check() + ": " + c.finding().word())).append("</h3>")
                    .append("<p>Check: ").append(Html.escape(c.cell())).append("<br>Reproduce: <code>")
                    .append(Html.escape(c.reproduce() == null ? "(not recorded)" : c.reproduce())).append("</code>");
            if (c.link() != null) {
                h.append(" · evidence: <a href=\"").append(Html.escape(c.link())).append("\">").append(Html.escape(c.link()))
                        .append("</a>");
            }
            h.append("</p><pre>").append(Html.escape(MarkdownReport.trim(c.example(), 60))).append("</pre>");
        }
        h.append("<h2>Caveats</h2><ul>");
        report.caveats().forEach(c -> h.append("<li>").append(Html.escape(c)).append("</li>"));
        h.append("</ul>").append(MEASURE_WIDTHS).append("</body></html>\n");
        return h.toString();
    }

    private static void inMemoryTable(StringBuilder h, VerdictMatrix matrix) {
        // one header per family (Lincheck, jcstress); under a family of several columns, a second row names each
        Map<String, List<Column>> families = new LinkedHashMap<>();
        matrix.inMemoryColumns.forEach(c -> families.computeIfAbsent(c.familyLabel(), f -> new ArrayList<>()).add(c));
        boolean twoRows = matrix.inMemoryColumns.stream().anyMatch(c -> !c.cell().isEmpty());
        String alone = twoRows ? "<th rowspan=\"2\">" : "<th>";
        StringBuilder second = new StringBuilder();
        h.append("<h2>In-memory designs</h2><p class=\"note\">One instance, many threads: each family of checks"
                + " (jcstress: each scenario this run chose).</p><table id=\"in-memory-designs\" class=\"verdicts\">"
                + "<thead><tr>").append(alone).append("design</th>").append(alone).append("claim</th>");
        families.forEach((family, columns) -> {
            if (columns.size() == 1 && columns.get(0).cell().isEmpty()) {
                h.append(alone).append(Html.escape(family)).append("</th>");
            } else {
                h.append("<th colspan=\"").append(columns.size()).append("\">").append(Html.escape(family)).append("</th>");
                columns.forEach(c -> second.append("<th>").append(Html.escape(c.cell())).append("</th>"));
            }
        });
        h.append("</tr>").append(twoRows ? "<tr>" + second + "</tr>" : "").append("</thead><tbody>");
        matrix.inMemory.forEach((design, row) -> {
            h.append("<tr>").append(designHeader(design.name(), design.mechanism())).append("<td>")
                    .append(Html.escape(VerdictMatrix.words(design.claims().getOrDefault(
                            JudgedDesign.key(Deployment.SINGLE_INSTANCE), Claim.NOT_APPLICABLE)))).append("</td>");
            row.values().forEach(cell -> h.append("<td class=\"").append(css(cell.verdict())).append("\">")
                    .append("<span class=\"v\">").append(verdict(cell)).append("</span>")
                    .append(Html.escape(cell.text())).append("</td>"));
            h.append("</tr>");
        });
        h.append("</tbody></table>");
    }

    private static void databaseTable(StringBuilder h, VerdictMatrix matrix) {
        h.append("<h2>Database designs</h2><p class=\"note\">Per engine: the claims, then every interleaving of"
                + " the purchase's statements and a seeded load run with one app instance, and the deployment check"
                + " with 2 instances sharing the database. A cluster design (its nodes separate processes writing to the"
                + " database): its cluster's fault run, one check per fault.</p><table id=\"database-designs\" class=\"verdicts\">"
                + "<thead><tr><th>design</th>");
        for (String engine : matrix.engines) {
            h.append("<th>").append(Html.escape(VerdictMatrix.engineLabel(engine)));
            String version = matrix.engineVersions.get(engine);
            if (version != null) {
                // the engine's settings are long lists (sql_mode): a break may fall after any comma
                h.append("<span class=\"version\">").append(Html.escape(version).replace(",", ",<wbr>")).append("</span>");
            }
            h.append("</th>");
        }
        h.append("</tr></thead><tbody>");
        matrix.database.forEach((design, row) -> {
            h.append("<tr>").append(designHeader(design.name(), design.mechanism()));
            row.forEach((engine, cells) -> {
                if (cells.claimsNothing()) {
                    h.append("<td class=\"na\">").append(Html.escape(Verdict.NOT_APPLICABLE.symbol + " "
                            + Verdict.NOT_APPLICABLE.word)).append("</td>");
                    return;
                }
                h.append("<td><div class=\"claim\">claims: ").append(Html.escape(cells.claims())).append("</div>");
                if (cells.notMeasured()) {
                    line(h, null, new Cell(Verdict.NOT_RUN, "not measured in this run", null));
                } else {
                    cells.checks().forEach(c -> line(h, c.check(), c.cell()));
                }
                h.append("</td>");
            });
            h.append("</tr>");
        });
        h.append("</tbody></table>");
        if (!matrix.engines.isEmpty()) {
            h.append("<h3>Engines, as the checks recorded them</h3><table id=\"engines\"><thead><tr><th>engine</th>"
                    + "<th>version and settings</th></tr></thead><tbody>");
            matrix.engines.forEach(e -> h.append("<tr><td>").append(Html.escape(VerdictMatrix.engineLabel(e)))
                    .append("</td><td>").append(Html.escape(matrix.engineVersions.getOrDefault(e, "not measured in this run"))
                            .replace(",", ",<wbr>")).append("</td></tr>"));
            h.append("</tbody></table>");
        }
    }

    /** One finding of an engine's cell, on its own line and in its colour. */
    private static void line(StringBuilder h, String check, Cell cell) {
        h.append("<div class=\"f ").append(css(cell.verdict())).append("\">");
        if (check != null) {
            h.append("<span class=\"check\">").append(Html.escape(check)).append("</span> ");
        }
        h.append("<span class=\"v\">").append(verdict(cell)).append("</span> ").append(Html.escape(cell.text()))
                .append("</div>");
    }

    private static String designHeader(String name, String mechanism) {
        return "<th class=\"design\"><span class=\"name\">" + Html.escape(name) + "</span><span class=\"mech\">" + Html.escape(mechanism)
                + "</span></th>";
    }

    /** The verdict's symbol and word, linked to its evidence when there is some. */
    private static String verdict(Cell cell) {
        String verdict = Html.escape(cell.verdict().symbol + " " + cell.verdict().word);
        return cell.link() == null ? verdict : "<a href=\"" + Html.escape(cell.link()) + "\">" + verdict + "</a>";
    }

    private static String css(Verdict verdict) {
        return switch (verdict) {
            case OVERSOLD -> "oversold";
            case HELD -> "held";
            case PARTIALLY_APPLIED -> "partiallyapplied";
            case LOST_UPDATE -> "lostupdate";
            case HUNG -> "hung";
            case NOT_LINEARIZABLE -> "notlinearizable";
            case NOT_APPLICABLE -> "na";
            case NOT_CHECKED -> "notchecked";
            case NOT_RUN -> "notrun";
        };
    }
}
