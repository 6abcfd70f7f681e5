package dev.oversell.properties.database;

import dev.oversell.judge.CheckVerdict;
import dev.oversell.run.MarkdownTable;
import dev.oversell.engine.Engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The database part of the verdicts, for people: the matrix (design by engine), then each cell's counts. */
final class DatabaseSummary {

    private DatabaseSummary() {
    }

    static String markdown(List<DatabaseObservation> observations, Map<Engine, String> versions,
                           Map<Engine, String> unavailable) {
        StringBuilder md = new StringBuilder("## Databases: exhaustive interleavings and load, per engine\n\n");
        versions.forEach((engine, version) -> md.append("- ").append(engine.label()).append(": ").append(version)
                .append('\n'));
        unavailable.forEach((engine, why) -> md.append("- **").append(engine.label()).append(": NOT RUN** (")
                .append(why).append(")\n"));
        List<String> engines = observations.stream().map(DatabaseObservation::engine).distinct().toList();
        Map<String, Map<String, DatabaseObservation>> byDesign = new LinkedHashMap<>();
        observations.forEach(o -> byDesign.computeIfAbsent(o.variant(), v -> new LinkedHashMap<>()).put(o.engine(), o));
        List<String> header = new java.util.ArrayList<>(List.of("variant"));
        header.addAll(engines);
        MarkdownTable byEngine = MarkdownTable.of(header);
        byDesign.forEach((variant, cells) -> {
            List<Object> row = new java.util.ArrayList<>(List.of(variant));
            for (String engine : engines) {
                DatabaseObservation o = cells.get(engine);
                row.add(o == null ? "not run" : cell(o));
            }
            byEngine.row(row);
        });
        md.append('\n').append(byEngine.render());
        md.append("""

                Legend, the worst finding of the cell's schedules and load run: **oversold** = units sold exceed \
                units that existed; **partially applied** = an order of several lines took some of its lines and \
                not the others; **lost update** = stock and sales do not add up, no oversell; **not \
                linearizable** = stock and sales add up, but the answers fit no sequential order; held = every \
                schedule and the load run was explained by a sequential order and added up. Then the claim \
                (NEVER / MAY; a MAY claim is demonstrated only by **oversold**), `✓` if the claim agrees with the \
                measurement, **✗ MISMATCH** if not (the build fails), the number of schedules that oversold of \
                those run, and the load run's finding. Scripts: `<engine>/<variant>.sql`.

                """);
        MarkdownTable details = MarkdownTable.of("engine", "variant", "schedules", "findings", "outcomes",
                "shown schedule", "load: attempted / purchased / out of stock / errors", "sold / available, stock after",
                "load finding").alignRight(2);
        for (DatabaseObservation o : observations) {
            LoadOutcome l = o.load();
            details.row(o.engine(), o.variant(), o.schedules(), o.scheduleFindings(), o.scheduleKinds(),
                    o.shownSchedule() == null ? "" : "`" + o.shownSchedule() + "` (" + o.shownKind() + ")",
                    l == null ? "not run" : l.attempted() + " / " + l.purchased() + " / " + l.outOfStock() + " / "
                            + l.errors(),
                    l == null ? "" : l.unitsSold() + " / " + (l.initialStock() + l.restocked()) + ", " + l.finalStock(),
                    l == null ? "" : l.finding() + (l.oversoldUnits() > 0 ? " (" + l.oversoldUnits() + " units)" : ""));
        }
        md.append(details.render());
        md.append("\n\nCoverage, per cell and plan: how much of each plan was run (every distinct execution, every one the"
                + " engine let be reached, sampled with its seed, not checked with why).\n\n");
        MarkdownTable coverage = MarkdownTable.of("engine", "variant", "check", "coverage");
        for (DatabaseObservation o : observations) {
            o.coverage().forEach((check, words) -> coverage.row(o.engine(), o.variant(), check, words));
        }
        return md.append(coverage.render()).toString();
    }

    private static String cell(DatabaseObservation o) {
        String claim = o.claim().startsWith("NEVER") ? "NEVER" : "MAY";
        String verdict = o.verdict() == CheckVerdict.HELD ? "held" : "**" + o.verdict() + "**";
        String counts = o.schedules() > 0 ? " " + o.oversoldSchedules() + "/" + o.schedules() : "";
        String load = o.load() == null ? "" : ", load " + o.load().finding();
        return verdict + counts + load + " (" + claim + " " + (o.agrees() ? "✓" : "**✗ MISMATCH**") + ")";
    }
}
