package dev.oversell.report;

import dev.oversell.judge.Coverage;
import dev.oversell.judge.Observation;
import dev.oversell.run.JudgedDesign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of one run, before it is written out: a pure function of the run folder, or of the run folders of
 * its shards ({@link RunEvidence}).
 * The verdict tables, the header naming the JVMs that measured, the benchmarks, and the caveats (the fixed
 * ones, then every check that was not checked or not run). It judges nothing: each suite already failed the
 * build if a design contradicted its claim.
 */
record Report(RunEvidence run, VerdictMatrix matrix, Map<String, String> header, RunEvidence.Benchmarks benchmarks,
              List<String> caveats) {

    static Report of(RunEvidence run) {
        VerdictMatrix matrix = VerdictMatrix.of(run);
        return new Report(run, matrix, RunHeader.of(run, matrix), run.benchmarks(), caveats(run, matrix));
    }

    /** Per family (its label), what its checks covered in the run, summed by kind ({@link Coverage#summary}). */
    static Map<String, String> coverage(RunEvidence run) {
        Map<Observation.Family, List<Coverage>> byFamily = new TreeMap<>();
        run.families().forEach(f -> f.record().observations().forEach(o -> byFamily
                .computeIfAbsent(o.family(), k -> new ArrayList<>()).add(o.coverage())));
        Map<String, String> out = new LinkedHashMap<>();
        byFamily.forEach((family, coverages) -> out.put(Families.label(family), Coverage.summary(coverages)));
        return out;
    }

    private static List<String> caveats(RunEvidence run, VerdictMatrix matrix) {
        List<String> caveats = new ArrayList<>(List.of(
                "A probe is not a proof. jcstress, the load runs and the reproduction search sample; a zero count means "
                        + "nothing was seen in that many samples on this machine. Each cell says how far its checks"
                        + " reached (every distinct execution, bounded, sampled); a check that did not cover what it"
                        + " names is not checked, never held.",
                "Actor designs are model-checked by Lincheck on the callers' threads, and run in jcstress on the"
                        + " calling-thread executor; the database verdicts hold for these engine versions and the"
                        + " settings each column records.",
                "The deployment checks use 2 instances and one hot product; single-owner routing is in-process.",
                "Benchmarks on 2 cores with short iterations have wide errors; compare ratios within one run only."));
        coverage(run).forEach((family, words) -> caveats.add("Coverage of " + family + " in this run: " + words + "."));
        // what did not run, grouped: a whole column, a whole engine, or a design's check on some engines
        Map<String, List<String>> notRun = new LinkedHashMap<>();
        for (Column column : matrix.inMemoryColumns) {
            List<JudgedDesign> missing = matrix.inMemory.entrySet().stream()
                    .filter(e -> e.getValue().get(column).verdict() == Verdict.NOT_RUN).map(Map.Entry::getKey).toList();
            if (!missing.isEmpty() && missing.size() == matrix.inMemory.size()) {
                notRun.put(column.label() + " for every in-memory design", List.of());
            } else {
                missing.forEach(d -> notRun.put(d.name() + " / " + column.label(), List.of()));
            }
        }
        matrix.inMemory.forEach((design, row) -> row.forEach((column, cell) -> notChecked(caveats,
                design.name() + " / " + column.label(), cell)));
        for (String engine : matrix.engines) {
            if (!matrix.database.isEmpty()
                    && matrix.database.values().stream().allMatch(row -> row.get(engine).notMeasured())) {
                notRun.put("every database design on " + VerdictMatrix.engineLabel(engine), List.of());
                continue;
            }
            matrix.database.forEach((design, row) -> row.get(engine).checks().forEach(c -> {
                notChecked(caveats, design.name() + " / " + VerdictMatrix.engineLabel(engine) + " " + c.check(), c.cell());
                if (c.cell().verdict() == Verdict.NOT_RUN) {
                    notRun.computeIfAbsent(design.name() + " " + c.check(), k -> new ArrayList<>())
                            .add(VerdictMatrix.engineLabel(engine));
                }
            }));
        }
        if (!notRun.isEmpty()) {
            List<String> entries = new ArrayList<>();
            notRun.forEach((what, engines) -> entries.add(engines.isEmpty() ? what
                    : what + " (" + String.join(", ", engines) + ")"));
            caveats.add("Not run in this run (no observation: an engine unreachable, a suite or check left out, or"
                    + " a check that does not apply to the design): " + String.join("; ", entries));
        }
        return caveats;
    }

    /** A check that was not checked is a caveat of its own, with its reason. */
    private static void notChecked(List<String> caveats, String where, Cell cell) {
        if (cell.verdict() == Verdict.NOT_CHECKED) {
            caveats.add(where + " was " + cell.verdict().word + ": " + cell.text());
        }
    }
}
