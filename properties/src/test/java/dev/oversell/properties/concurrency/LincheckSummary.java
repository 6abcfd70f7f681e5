package dev.oversell.properties.concurrency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lincheck part of the verdicts, for people: one row per variant, one column per workload and mode, and
 * under the table each caught oversell's counterexample (Lincheck's scenario table) with its evidence file.
 */
final class LincheckSummary {

    private LincheckSummary() {
    }

    static String markdown(List<LincheckObservation> observations, Map<String, String> evidenceTexts) {
        Map<String, Map<String, LincheckObservation>> byVariant = new LinkedHashMap<>();
        List<String> columns = new java.util.ArrayList<>();
        for (LincheckObservation o : observations) {
            String column = o.workload() + ", " + o.mode();
            if (!columns.contains(column)) {
                columns.add(column);
            }
            byVariant.computeIfAbsent(o.variant(), v -> new LinkedHashMap<>()).put(column, o);
        }
        StringBuilder md = new StringBuilder("## Lincheck: linearizability against the specification (one instance)\n\n");
        md.append("| variant | claim | ").append(String.join(" | ", columns)).append(" |\n");
        md.append("|---|---|").append("---|".repeat(columns.size())).append('\n');
        byVariant.forEach((variant, cells) -> {
            md.append("| ").append(variant).append(" | ").append(cells.values().iterator().next().claim());
            for (String column : columns) {
                LincheckObservation o = cells.get(column);
                md.append(" | ").append(o == null ? "" : cell(o));
            }
            md.append(" |\n");
        });
        md.append("""

                Legend: **held** = linearizable and invariants kept in every run; **oversold** = Lincheck found more \
                units sold than existed (purchases-only workload); **caught** = not linearizable (full contract); \
                **n/a** = the mode cannot drive this variant (its calls run on its own threads).
                """);
        for (LincheckObservation o : observations) {
            if (o.oversold() && evidenceTexts.containsKey(o.evidenceFile())) {
                md.append("\n### ").append(o.variant()).append(": oversell counterexample (").append(o.mode())
                        .append(", ").append(o.scenarioOperations()).append(" operations)\n\n```\n")
                        .append(scenarioTable(evidenceTexts.get(o.evidenceFile()))).append("```\n")
                        .append("Evidence: `").append(o.evidenceFile()).append("`\n");
                break; // one readable counterexample per variant is enough here; every file is kept
            }
        }
        return md.toString();
    }

    private static String cell(LincheckObservation o) {
        return switch (o.observed()) {
            case LincheckObservation.HELD -> "held";
            case LincheckObservation.NOT_APPLICABLE -> "n/a";
            default -> "**" + o.observed() + "** (" + o.scenarioOperations() + " ops)";
        };
    }

    /** Lincheck's failure text up to the detailed interleaving: the scenario and the broken invariant. */
    static String scenarioTable(String evidence) {
        int start = evidence.indexOf("= ");
        int end = evidence.indexOf("The following interleaving");
        String table = evidence.substring(Math.max(0, start), end < 0 ? evidence.length() : end);
        return table.lines().filter(line -> !line.strip().startsWith("at ")).map(line -> line + "\n")
                .reduce("", String::concat).strip() + "\n";
    }
}
