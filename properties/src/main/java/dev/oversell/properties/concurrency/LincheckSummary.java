package dev.oversell.properties.concurrency;

import dev.oversell.run.MarkdownTable;
import dev.oversell.judge.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Lincheck part of the verdicts, for people: one row per design, one column per mode saying what the
 * checks saw in Oversell's words (how many workloads saw each anomaly, the smallest example), the threads a
 * design left running, and under the table each design's smallest counterexample (Lincheck's scenario
 * table) with its evidence file.
 */
final class LincheckSummary {

    private LincheckSummary() {
    }

    static String markdown(List<LincheckObservation> observations, Map<String, String> evidenceTexts,
                           Map<String, List<Thread>> leftRunning) {
        Map<String, List<LincheckObservation>> byDesign = new LinkedHashMap<>();
        List<String> modes = new ArrayList<>();
        for (LincheckObservation o : observations) {
            byDesign.computeIfAbsent(o.variant(), v -> new ArrayList<>()).add(o);
            if (!modes.contains(o.mode())) {
                modes.add(o.mode());
            }
        }
        StringBuilder md = new StringBuilder("## Lincheck: linearizability against the specification (one instance)\n\n");
        List<String> header = new ArrayList<>(List.of("variant", "claim"));
        header.addAll(modes);
        header.add("threads left running");
        MarkdownTable table = MarkdownTable.of(header);
        byDesign.forEach((variant, seen) -> {
            List<Object> row = new ArrayList<>(List.of(variant, seen.get(0).claim()));
            for (String mode : modes) {
                row.add(cell(seen.stream().filter(o -> o.mode().equals(mode)).toList()));
            }
            List<Thread> left = leftRunning.get(variant);
            row.add(left == null ? "not measured" : left.isEmpty() ? "none"
                    : "**" + left.size() + "**: " + LiveThreads.describe(left));
            table.row(row);
        });
        md.append(table.render());
        md.append("\nLegend: each cell counts the workloads of the mode (model checking: the critical scenarios)"
                + " by what they saw. ");
        for (Finding finding : Finding.values()) {
            md.append("**").append(finding.word()).append("**: ").append(finding.meaning()).append(". ");
        }
        md.append(LincheckObservation.NOT_REACHED).append(": Lincheck stopped at an earlier failure that decided the claim. ")
                .append("**").append(LincheckObservation.NOT_CHECKED).append("**: the time budget ran out first.\n");
        byDesign.forEach((variant, seen) -> seen.stream()
                .filter(o -> o.checked() && o.finding().anomaly() && evidenceTexts.containsKey(o.evidenceFile()))
                .min(Comparator.comparing(LincheckObservation::finding).thenComparingInt(LincheckObservation::scenarioOperations))
                .ifPresent(o -> md.append("\n### ").append(variant).append(": ").append(o.observed())
                        .append(" (").append(o.mode()).append(", ").append(o.workload()).append(", ")
                        .append(o.scenarioOperations()).append(" operations)\n\n```\n")
                        .append(scenarioTable(evidenceTexts.get(o.evidenceFile()))).append("```\n")
                        .append("Evidence: `").append(o.evidenceFile()).append("`\n")));
        return md.toString();
    }

    private static String cell(List<LincheckObservation> seen) {
        if (seen.isEmpty()) {
            return "";
        }
        long unchecked = seen.stream().filter(LincheckObservation::outOfTime).count();
        long unreached = seen.stream().filter(o -> !o.checked() && !o.outOfTime()).count();
        List<LincheckObservation> checked = seen.stream().filter(LincheckObservation::checked).toList();
        Map<Finding, List<LincheckObservation>> byFinding = checked.stream()
                .collect(Collectors.groupingBy(LincheckObservation::finding, () -> new java.util.EnumMap<>(Finding.class),
                        Collectors.toList()));
        List<String> parts = new ArrayList<>();
        byFinding.forEach((finding, those) -> {
            if (finding.anomaly()) {
                LincheckObservation smallest = those.stream()
                        .min(Comparator.comparingInt(LincheckObservation::scenarioOperations)).orElseThrow();
                parts.add("**" + finding.word() + "** in " + those.size() + " (smallest: " + smallest.workload() + ", "
                        + smallest.scenarioOperations() + " ops)");
            } else {
                parts.add("held in " + those.size() + ", " + those.stream().mapToInt(LincheckObservation::runs).sum()
                        + " runs");
            }
        });
        if (unreached > 0) {
            parts.add(LincheckObservation.NOT_REACHED + ": " + unreached);
        }
        if (unchecked > 0) {
            parts.add("**" + LincheckObservation.NOT_CHECKED + "**: " + unchecked);
        }
        return String.join("; ", parts);
    }

    /** Lincheck's failure text up to the detailed interleaving: the scenario and what broke. */
    static String scenarioTable(String evidence) {
        int start = evidence.indexOf("= ");
        int end = evidence.indexOf("The following interleaving");
        String table = evidence.substring(Math.max(0, start), end < 0 ? evidence.length() : end);
        return table.lines().filter(line -> !line.strip().startsWith("at ")).map(line -> line + "\n")
                .reduce("", String::concat).strip() + "\n";
    }
}
