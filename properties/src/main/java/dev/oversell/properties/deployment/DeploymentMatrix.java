package dev.oversell.properties.deployment;

import dev.oversell.design.Deployment;
import dev.oversell.design.Design;
import dev.oversell.design.Designs;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.judge.Finding;
import dev.oversell.properties.Evidence;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.run.MarkdownTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the deployment column: {@code matrix.json}, {@code summary.md}, and for single-owner designs the
 * hand-over script {@code <engine>/<design>-hand-over.sql} (the first oversold schedule, else the most
 * telling one).
 */
final class DeploymentMatrix {

    private DeploymentMatrix() {
    }

    static void write(List<DeploymentCell> cells) {
        List<DeploymentObservation> observations = new ArrayList<>();
        for (DeploymentCell cell : cells) {
            if (!cell.measured()) {
                continue;
            }
            Map<String, Integer> kinds = new LinkedHashMap<>();
            Map<String, Integer> findings = new LinkedHashMap<>();
            Optional<JdbcScheduleOutcome> shown;
            List<JdbcScheduleOutcome> handOvers = cell.handOverSchedules();
            handOvers.forEach(s -> kinds.merge(s.kind().label, 1, Integer::sum));
            handOvers.forEach(s -> findings.merge(s.finding().word(), 1, Integer::sum));
            shown = handOvers.stream().min(Comparator.comparing(JdbcScheduleOutcome::kind));
            String script = null;
            if (shown.isPresent()) {
                script = cell.engine.key() + "/" + cell.variant.name() + "-hand-over.sql";
                Evidence.writeText(DeploymentSuite.SUITE, script, """
                        -- Oversell: %s on %s, ownership hand-over
                        -- T1 is the old owner (it claimed the product before T2 started); T2 is the new owner, whose
                        -- first statements claim the product. %s
                        -- Schedule %s: %s.
                        -- Explored: %s.
                        -- Reproduce: %s

                        %s""".formatted(cell.variant.name(), cell.engine.label(), shown.get().plan(), shown.get().ran(),
                        shown.get().kind().label, cell.handOverCoverage(),
                        DeploymentSuite.reproduce(cell), shown.get().script()));
            }
            String problem = cell.problem();
            observations.add(new DeploymentObservation(cell.engine.key(), cell.variant.name(), cell.claim.name(),
                    DeploymentCell.INSTANCES, cell.load, cell.reproduction, cell.roundsTried,
                    cell.searchFinding == null ? null : CheckVerdict.of(cell.searchFinding), kinds, findings,
                    findings.getOrDefault(Finding.OVERSOLD.word(), 0), script, cell.separateProcesses,
                    CheckVerdict.of(cell.verdict()), problem == null, problem));
        }
        var json = Evidence.writeJson(DeploymentSuite.SUITE, "matrix.json", observations);
        Evidence.writeObservations(DeploymentSuite.SUITE, Designs.overStores(),
                cells.stream().flatMap(cell -> cell.observations().stream()).toList());
        var md = Evidence.writeText(DeploymentSuite.SUITE, "summary.md", markdown(observations));
        System.out.printf("%n%s%n[deployment] written to %s and %s%n", markdown(observations), json, md);
    }

    private static String markdown(List<DeploymentObservation> observations) {
        StringBuilder md = new StringBuilder("## Deployment: " + DeploymentCell.INSTANCES
                + " app instances sharing one store\n\n");
        List<String> engines = observations.stream().map(DeploymentObservation::engine).distinct().toList();
        Map<String, Map<String, DeploymentObservation>> byDesign = new LinkedHashMap<>();
        observations.forEach(o -> byDesign.computeIfAbsent(o.variant(), v -> new LinkedHashMap<>()).put(o.engine(), o));
        List<String> header = new java.util.ArrayList<>(List.of("variant"));
        header.addAll(engines);
        MarkdownTable byEngine = MarkdownTable.of(header);
        for (Design variant : Designs.selected()) {
            List<Object> row = new java.util.ArrayList<>(List.of(variant.name()));
            for (String engine : engines) {
                DeploymentObservation o = byDesign.getOrDefault(variant.name(), Map.of()).get(engine);
                row.add(variant.inMemory() ? "n/a (no shared store)" : o == null ? "not run" : cell(o));
            }
            byEngine.row(row);
        }
        md.append(byEngine.render());
        md.append("""

                Legend, the worst finding with several instances: **oversold** = units sold exceed units that \
                existed (the smallest reproduction is given as buyers/units); **lost update** = stock and sales do \
                not add up, no oversell (a request applied twice, a restock lost); **not linearizable** = stock and \
                sales add up, but the answers fit no sequential order; held = none of these in any run. Then the \
                claim for several instances (NEVER / MAY; a MAY claim is demonstrated only by **oversold**), `✓` \
                if it agrees with the measurement, **✗ MISMATCH** if not (the build fails). `hand-over k/n` = k of \
                n hand-over schedules oversold; `procs` = the separate-process run's finding.

                """);
        MarkdownTable details = MarkdownTable.of("engine", "variant",
                "load: attempted / purchased / errors, sold / available, finding",
                "smallest oversell (buyers, units, round); worst round", "hand-over outcomes", "hand-over findings",
                "separate processes: sold / stock, stock after");
        for (DeploymentObservation o : observations) {
            var l = o.load();
            var r = o.smallestReproduction();
            var p = o.separateProcesses();
            details.row(o.engine(), o.variant(),
                    l == null ? "not run" : l.attempted() + " / " + l.purchased() + " / " + l.errors() + ", "
                            + l.unitsSold() + " / " + (l.initialStock() + l.restocked()) + ", " + l.finding(),
                    (r == null ? "none in " + o.reproductionRoundsTried() + " rounds" : r.buyers() + " buyers, "
                            + r.units() + " unit" + (r.units() == 1 ? "" : "s") + ", round " + r.round() + ": sold "
                            + r.sold()) + (o.searchFinding() == null ? "" : "; " + o.searchFinding()),
                    o.handOverSchedules().isEmpty() ? "" : o.handOverSchedules().toString(),
                    o.handOverFindings().isEmpty() ? "" : o.handOverFindings().toString(),
                    p == null ? "" : p.unitsSold() + " / " + SeparateProcesses.STOCK + ", " + p.finalStock() + ", "
                            + p.finding());
        }
        md.append(details.render());
        return md.toString();
    }

    private static String cell(DeploymentObservation o) {
        String claim = o.claim().startsWith("NEVER") ? "NEVER" : "MAY";
        StringBuilder out = new StringBuilder(o.verdict() == CheckVerdict.HELD ? "held" : "**" + o.verdict() + "**");
        if (o.smallestReproduction() != null) {
            out.append(' ').append(o.smallestReproduction().buyers()).append('/').append(o.smallestReproduction().units());
        }
        if (!o.handOverSchedules().isEmpty()) {
            out.append(", hand-over ").append(o.handOversOversold()).append('/')
                    .append(o.handOverSchedules().values().stream().mapToInt(Integer::intValue).sum());
        }
        if (o.separateProcesses() != null) {
            out.append(", procs ").append(o.separateProcesses().finding());
        }
        return out + " (" + claim + " " + (o.agrees() ? "✓" : "**✗ MISMATCH**") + ")";
    }
}
