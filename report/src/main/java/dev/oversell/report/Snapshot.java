package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.MarkdownTable;

import java.util.ArrayList;
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
    static final String PARTIAL_TITLE = "# Verdict matrix (PARTIAL snapshot: not the whole run)";

    static final String HEADER = """

            What one run measured: one word per design and family of checks, beside what the design claims. Counts \
            and evidence are in that run's report (`./verdicts` keeps it in `target/verdicts/<run>/`). This page is \
            produced, not written by hand: `./verdicts` copies its run's snapshot over `docs/verdict-matrix.md` \
            when `mvn verify` passed. The claims are the expectation (every check judges each design against its \
            claim and fails the build on a mismatch), so a new design needs no edit here.

            Legend: the most serious finding of any check of that family: **oversold** = units sold exceeded units \
            that existed; partially applied = an order of several lines took some of its lines and not the others; \
            lost update = stock and sales did not add up, no oversell; hung = a call never answered (a deadlock, a \
            livelock); not linearizable = the answers \
            fit no sequential order; held = none of these, in every check that covered what it names (each \
            cell of the run's report says how far: every distinct execution, bounded, sampled); not checked = some \
            check did not cover what it names (a limit reached, an error, a fault that did not strike, nothing \
            sold), so nothing may be concluded; not run = no \
            observation in this run (an engine not reachable, a check left out or not applicable to the design); \
            accepted = an anomaly the design declares it accepts (a weaker contract it states, such as a refusal \
            while another buyer's units are out; the run's report says which), which does not break its claim. \
            Claims: never = never oversells, may = may oversell (and a check must show it).
            """;

    private Snapshot() {
    }

    static String markdown(VerdictMatrix matrix) {
        return markdown(matrix, List.of());
    }

    /**
     * The snapshot; of a partial report of several run folders ({@code missing}: the units no folder took, by shard
     * and family), titled and headed as one, so that it is never read as the run's.
     */
    static String markdown(VerdictMatrix matrix, List<String> missing) {
        StringBuilder md = new StringBuilder(missing.isEmpty() ? TITLE : PARTIAL_TITLE).append('\n');
        if (!missing.isEmpty()) {
            md.append("\n> **PARTIAL: not the whole run.** ").append(String.join("; ", missing))
                    .append(". Their cells read not run, whatever the run measured.\n");
        }
        md.append(HEADER);
        List<String> families = matrix.inMemoryColumns.stream().map(Column::familyLabel).distinct().toList();
        md.append("\n## In-memory designs\n\nOne instance, many threads.\n\n");
        List<String> header = new ArrayList<>(List.of("design", "claim"));
        header.addAll(families);
        MarkdownTable inMemory = MarkdownTable.of(header);
        matrix.inMemory.forEach((design, row) -> {
            List<String> cells = new ArrayList<>(List.of(design.name(), VerdictMatrix.word(
                    design.claims().getOrDefault(JudgedDesign.key(Deployment.SINGLE_INSTANCE), Claim.NOT_APPLICABLE))));
            for (String family : families) {
                cells.add(word(Verdict.combine(row.entrySet().stream().filter(e -> e.getKey().familyLabel().equals(family))
                        .map(e -> e.getValue().verdict()).toList())));
            }
            inMemory.row(cells);
        });
        md.append(inMemory.render());
        md.append("\n## Database designs\n\nEach cell: the verdict, then (the claim). One instance: the interleavings and"
                + " the load run; 2 instances: two app instances sharing the database (a cluster design: its node processes"
                + " under the cluster's faults).\n\n");
        List<String> engines = new ArrayList<>(List.of("design"));
        matrix.engines.forEach(e -> engines.add(VerdictMatrix.engineLabel(e)));
        matrix.engines.forEach(e -> engines.add(VerdictMatrix.engineLabel(e) + ", 2 instances"));
        MarkdownTable database = MarkdownTable.of(engines);
        matrix.database.forEach((design, row) -> {
            List<String> cells = new ArrayList<>(List.of(design.name()));
            row.values().forEach(c -> cells.add(cell(c, Deployment.SINGLE_INSTANCE, c.oneInstance())));
            row.values().forEach(c -> cells.add(cell(c, Deployment.SHARED_STORE, c.sharedStore())));
            database.row(cells);
        });
        md.append(database.render());
        return md.toString();
    }

    private static String cell(EngineCells cells, Deployment deployment, Claim claim) {
        return word(cells.verdict(deployment)) + (cells.accepted(deployment) ? ", accepted" : "") + " ("
                + VerdictMatrix.word(claim) + ")";
    }

    private static String word(Verdict verdict) {
        return verdict == Verdict.OVERSOLD ? "**oversold**" : verdict.word;
    }
}
