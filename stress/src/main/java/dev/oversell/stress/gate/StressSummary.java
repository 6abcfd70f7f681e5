package dev.oversell.stress.gate;

import dev.oversell.judge.Finding;

import java.util.List;

/** The jcstress part of the verdicts, for people: a row per variant and scenario, counts not just pass/fail. */
final class StressSummary {

    private StressSummary() {
    }

    static String markdown(List<ScenarioResult> results, String options) {
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
                counts per scenario are in summary.json; jcstress's own report in html/index.html.
                """);
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
}
