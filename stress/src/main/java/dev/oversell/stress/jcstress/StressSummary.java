package dev.oversell.stress.jcstress;

import dev.oversell.run.MarkdownTable;
import dev.oversell.judge.Finding;

import java.util.List;

/**
 * The jcstress part of the verdicts, for people: a row per design and scenario, counts not just pass/fail, then
 * each design's claim as judged; and a page linking to jcstress's own report of each design's run.
 */
final class StressSummary {

    private StressSummary() {
    }

    static String markdown(List<ScenarioResult> results, List<ClaimJudgement> claims, String options) {
        StringBuilder md = new StringBuilder("## jcstress: scenarios under real concurrency (one instance)\n\n");
        md.append("jcstress options: `").append(options).append("`\n\n");
        MarkdownTable scenarios = MarkdownTable.of("variant", "claim", "scenario", "samples", "oversold", "lost update",
                "not linearizable", "verdict").alignRight(3, 4, 5, 6);
        for (ScenarioResult r : results) {
            scenarios.row(r.variant(), r.claim(), r.scenario(), String.format("%,d", r.samples()),
                    String.format("%,d", r.oversold()), String.format("%,d", r.lostUpdate()),
                    String.format("%,d", r.notLinearizable()),
                    switch (r.verdict()) {
                        case HELD -> "held";
                        case SKIPPED -> "**not checked**: " + r.note();
                        default -> "**" + r.verdict() + "**";
                    } + (r.failed() ? " (judge: FAIL)" : ""));
        }
        md.append(scenarios.render());
        md.append("\nLegend: counts are samples. ");
        for (Finding f : Finding.values()) {
            md.append("**").append(f.word()).append("** = ").append(f.meaning()).append("; ");
        }
        md.append("""
                **not checked** = the time budget ran out before jcstress ran it, it gathered fewer samples than \
                the floor, or this machine cannot run it (a failure); **error** = the test did \
                not run cleanly; **broken** (actor runtime) = an outcome the runtime's guarantees forbid. Outcome \
                counts per scenario are in summary.json; jcstress's own report of each design's run in \
                <design>/html/index.html (all of them: html/index.html).
                """);
        MarkdownTable judged = MarkdownTable.of("variant", "claim", "judged", "reproduce");
        for (ClaimJudgement c : claims) {
            judged.row(c.variant(), c.claim(), c.failed() ? "**FAIL**: " + c.problem() : "agrees with what was measured",
                    "`" + c.reproduce() + "`");
        }
        md.append("\n### Claims, judged over every scenario\n\n").append(judged.render());
        for (ScenarioResult r : results) {
            if (!r.hangs().isEmpty()) {
                md.append("\n### ").append(r.variant()).append(" / ").append(r.scenario()).append(": hung\n\n```\n")
                        .append(String.join("\n\n", r.hangs())).append("\n```\n");
            }
            if (r.oversold() > 0) {
                MarkdownTable outcomes = MarkdownTable.of("outcome", "samples", "meaning").alignRight(1);
                r.outcomes().forEach(c -> outcomes.row("`" + c.outcome() + "`", String.format("%,d", c.count()),
                        c.meaning() + ": " + c.description()));
                md.append("\n### ").append(r.variant()).append(" / ").append(r.scenario()).append("\n\n")
                        .append(outcomes.render());
            }
        }
        return md.toString();
    }

    /** {@code html/index.html}: a link to jcstress's report of each run, with the design's judged claim. */
    static String index(List<String> runs, List<ClaimJudgement> claims, String options) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>jcstress runs"
                + "</title></head><body><h1>jcstress: one run per design</h1><p>Options: <code>")
                .append(escape(options)).append("</code>. The claim-aware verdicts are in <a href=\"../summary.md\">"
                        + "summary.md</a>.</p><ul>");
        for (String run : runs) {
            String judged = claims.stream().filter(c -> c.variant().equals(run)).findFirst()
                    .map(c -> c.claim() + ": " + (c.failed() ? "FAIL, " + c.problem() : "agrees with what was measured"))
                    .orElse("the actor runtime's own guarantees");
            h.append("<li><a href=\"../").append(escape(run)).append("/html/index.html\">").append(escape(run))
                    .append("</a> (").append(escape(judged)).append(")</li>");
        }
        return h.append("</ul></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
