package dev.oversell.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict matrix reduced to what must never drift: one word per variant and family of checks (no
 * counts), as {@code docs/verdict-matrix.md} keeps it. {@link #disagreements} compares a run with the docs:
 * every cell this run measured must read the same in the docs, so the docs cannot lie. Cells this run did not
 * measure (an engine not reachable, a scenario skipped) are not compared, and are listed.
 */
final class Snapshot {

    static final String HEADER = """
            # Verdict matrix (snapshot)

            What `mvn verify` measured, one word per design and family of checks; counts and evidence are in the \
            report of each run (`./verdicts`). The build fails when a run measures something else than this \
            page says: if a change of verdict is intended, copy `report/target/oversell/report/verdict-matrix.md` \
            over this file and explain the change in the commit. Legend: the most serious finding of any check of \
            that family: **oversold** = units sold exceeded units that existed; lost update = stock and sales did \
            not add up, no oversell; not linearizable = the answers fit no sequential order; held = none of these; \
            n/a = the family does not apply (an in-memory design has no \
            engine; a database design is not run by Lincheck or jcstress). Columns with "2 instances" are the \
            shared-store deployment.

            """;

    private Snapshot() {
    }

    static String markdown(VerdictMatrix matrix) {
        StringBuilder md = new StringBuilder(HEADER);
        List<String> families = matrix.families();
        md.append("| design |");
        families.forEach(f -> md.append(' ').append(f).append(" |"));
        md.append("\n|---|");
        families.forEach(f -> md.append("---|"));
        md.append('\n');
        for (String variant : matrix.rows.keySet()) {
            md.append("| ").append(variant).append(" |");
            for (String family : families) {
                Verdict v = matrix.familyVerdict(variant, family);
                md.append(' ').append(v == Verdict.OVERSOLD ? "**oversold**" : v.word).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Parses a snapshot table: variant to family to verdict. */
    static Map<String, Map<String, Verdict>> parse(String markdown) {
        Map<String, Map<String, Verdict>> table = new HashMap<>();
        List<String> header = null;
        for (String line : markdown.lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String c : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(c.trim().replace("**", ""));
            }
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, Verdict> row = new HashMap<>();
            for (int i = 1; i < cells.size() && i < header.size(); i++) {
                row.put(header.get(i), Verdict.ofWord(cells.get(i)));
            }
            table.put(cells.get(0), row);
        }
        return table;
    }

    record Comparison(List<String> disagreements, List<String> notCompared) {
    }

    static Comparison compare(VerdictMatrix matrix, Path docs) throws IOException {
        List<String> disagreements = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        if (!Files.exists(docs)) {
            disagreements.add(docs + " does not exist");
            return new Comparison(disagreements, notCompared);
        }
        Map<String, Map<String, Verdict>> documented = parse(Files.readString(docs));
        for (String variant : matrix.rows.keySet()) {
            for (String family : matrix.families()) {
                Verdict measured = matrix.familyVerdict(variant, family);
                if (measured == Verdict.NOT_RUN || measured == Verdict.SKIPPED) {
                    notCompared.add(variant + " / " + family);
                    continue;
                }
                Verdict written = documented.getOrDefault(variant, Map.of()).get(family);
                if (written != measured) {
                    disagreements.add(variant + " / " + family + ": the docs say " + (written == null ? "nothing"
                            : written.word) + ", this run measured " + measured.word);
                }
            }
        }
        return new Comparison(disagreements, notCompared);
    }
}
