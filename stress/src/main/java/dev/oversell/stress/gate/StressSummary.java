package dev.oversell.stress.gate;

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
        md.append("| variant | claim | scenario | samples | oversold | lost update | not linearizable | verdict |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format("| %s | %s | %s | %,d | %,d | %,d | %,d | %s%s |%n", r.variant(), r.claim(),
                    r.scenario(), r.samples(), r.oversold(), r.lostUpdate(), r.notLinearizable(),
                    switch (r.verdict()) {
                        case "held" -> "held";
                        case "skipped" -> "skipped: " + r.note();
                        default -> "**" + r.verdict() + "**";
                    },
                    r.failed() ? " (gate: FAIL)" : ""));
        }
        md.append("\nLegend: counts are samples. ");
        for (Finding f : Finding.values()) {
            md.append("**").append(f.word()).append("** = ").append(f.meaning()).append("; ");
        }
        md.append("""
                **not checked** = the time budget ran out before jcstress ran it (a failure); **error** = the test did \
                not run cleanly; **broken** (actor runtime) = an outcome the runtime's guarantees forbid. Outcome \
                counts per scenario are in summary.json; jcstress's own report of each design's run in \
                <design>/html/index.html (all of them: html/index.html).
                """);
        md.append("\n### Claims, judged over every scenario\n\n| variant | claim | judged | reproduce |\n|---|---|---|---|\n");
        for (ClaimJudgement c : claims) {
            md.append(String.format("| %s | %s | %s | `%s` |%n", c.variant(), c.claim(),
                    c.failed() ? "**FAIL**: " + c.problem() : "agrees with what was measured", c.reproduce()));
        }
        for (ScenarioResult r : results) {
            if (r.oversold() > 0) {
                md.append("\n### ").append(r.variant()).append(" / ").append(r.scenario()).append("\n\n");
                md.append("| outcome | samples | meaning |\n|---|---:|---|\n");
                r.outcomes().forEach(c -> md.append(String.format("| `%s` | %,d | %s: %s |%n", c.outcome(), c.count(),
                        c.meaning(), c.description())));
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
