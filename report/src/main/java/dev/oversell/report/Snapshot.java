package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.store.Engine;

import java.util.List;

/**
 * The verdicts of a run reduced to one word per design and family of checks (no counts), beside the claims:
 * the {@code verdict-matrix.md} of every report folder. {@code ./verdicts} copies it over
 * {@code docs/verdict-matrix.md}, headed with the run it came from. It is a record of what was measured, not
 * an expectation: the claims are the expectation, and the checkers fail the build when a design contradicts its
 * claim.
 */
final class Snapshot {

    static final String TITLE = "# Verdict matrix (snapshot)";

    static final String HEADER = """

            What one run measured: one word per design and family of checks, beside what the design claims. Counts \
            and evidence are in that run's report (`./verdicts` keeps it in `target/verdicts/<run>/`). This page is \
            produced, not written by hand: `./verdicts` copies its run's snapshot over `docs/verdict-matrix.md` \
            when `mvn verify` passed. The claims are the expectation (every check judges each design against its \
            claim and fails the build on a mismatch), so a new design needs no edit here.

            Legend: the most serious finding of any check of that family: **oversold** = units sold exceeded units \
            that existed; lost update = stock and sales did not add up, no oversell; not linearizable = the answers \
            fit no sequential order; held = none of these; skipped / not run = no result in this run (an engine not \
            reachable, a check left out). Claims: never = never oversells, may = may oversell (and a check must \
            show it).
            """;

    private Snapshot() {
    }

    static String markdown(VerdictMatrix matrix) {
        StringBuilder md = new StringBuilder(TITLE).append('\n').append(HEADER);
        List<String> families = matrix.inMemoryColumns.stream().map(Column::family).distinct().toList();
        md.append("\n## In-memory designs\n\nOne instance, many threads.\n\n| design | claim |");
        families.forEach(f -> md.append(' ').append(f).append(" |"));
        md.append("\n|---|---|");
        families.forEach(f -> md.append("---|"));
        md.append('\n');
        matrix.inMemory.forEach((design, row) -> {
            md.append("| ").append(design.name()).append(" | ").append(VerdictMatrix.word(design.claim())).append(" |");
            for (String family : families) {
                md.append(' ').append(word(Verdict.combine(row.entrySet().stream()
                        .filter(e -> e.getKey().family().equals(family)).map(e -> e.getValue().verdict()).toList())))
                        .append(" |");
            }
            md.append('\n');
        });
        md.append("\n## Database designs\n\nEach cell: the verdict, then (the claim). One instance: the interleavings and"
                + " the load run; 2 instances: two app instances sharing the database.\n\n| design |");
        for (Engine engine : Engine.values()) {
            md.append(' ').append(engine.label()).append(" |");
        }
        for (Engine engine : Engine.values()) {
            md.append(' ').append(engine.label()).append(", 2 instances |");
        }
        md.append("\n|---|");
        for (int i = 0; i < 2 * Engine.values().length; i++) {
            md.append("---|");
        }
        md.append('\n');
        matrix.database.forEach((design, row) -> {
            md.append("| ").append(design.name()).append(" |");
            row.values().forEach(cells -> cell(md, cells.oneInstanceVerdict(), cells.oneInstance()));
            row.values().forEach(cells -> cell(md, cells.twoInstances().verdict(), cells.sharedStore()));
            md.append('\n');
        });
        return md.toString();
    }

    private static void cell(StringBuilder md, Verdict verdict, Claim claim) {
        md.append(' ').append(word(verdict)).append(" (").append(VerdictMatrix.word(claim)).append(") |");
    }

    private static String word(Verdict verdict) {
        return verdict == Verdict.OVERSOLD ? "**oversold**" : verdict.word;
    }
}
