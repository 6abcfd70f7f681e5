package dev.oversell.stress.gate;

import java.util.List;

/** The jcstress part of the verdicts, for people: a row per variant and scenario, counts not just pass/fail. */
final class StressSummary {

    private StressSummary() {
    }

    static String markdown(List<ScenarioResult> results, String options) {
        StringBuilder md = new StringBuilder("## jcstress: scenarios under real concurrency (one instance)\n\n");
        md.append("jcstress options: `").append(options).append("`\n\n");
        md.append("| variant | claim | scenario | samples | oversold | unexplained | verdict |\n");
        md.append("|---|---|---|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format("| %s | %s | %s | %,d | %,d | %,d | %s%s |%n", r.variant(), r.claim(), r.scenario(),
                    r.samples(), r.oversold(), r.broken(), switch (r.verdict()) {
                        case "held" -> "held";
                        case "skipped" -> "skipped: " + r.note();
                        default -> "**" + r.verdict() + "**";
                    },
                    r.failed() ? " (gate: FAIL)" : ""));
        }
        md.append("""

                Legend: **held** = every outcome explained by some sequential order; **oversold** = an outcome where \
                more units were sold than existed; **broken** = another outcome no sequential order explains (lost \
                update, failed call); **error** = the test did not run cleanly. The actor-runtime rows check the \
                runtime's own guarantees. Outcome counts per scenario are in summary.json; jcstress's report in \
                <run>/html/index.html.
                """);
        for (ScenarioResult r : results) {
            if (r.oversold() > 0) {
                md.append("\n### ").append(r.variant()).append(" / ").append(r.scenario()).append("\n\n");
                md.append("| outcome | samples | meaning |\n|---|---:|---|\n");
                r.outcomes().forEach(c -> md.append(String.format("| `%s` | %,d | %s |%n", c.outcome(), c.count(),
                        c.description())));
            }
        }
        return md.toString();
    }
}
