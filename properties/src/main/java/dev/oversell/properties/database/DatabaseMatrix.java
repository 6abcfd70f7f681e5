package dev.oversell.properties.database;

import dev.oversell.design.Designs;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Evidence;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the database checks measured into the verdict matrix (engine by design): {@code matrix.json}
 * for the report, {@code summary.md} for people, and one Hermitage-style script per cell,
 * {@code <engine>/<design>.sql}: the first oversold schedule, or, where none oversold, the most telling one
 * (a lost update, a deadlock, a serialization failure, a block), so that every verdict can be explained with
 * its script. Whether a cell's claim agrees is {@link Judge#disagreement}'s rule, on the findings of every
 * schedule and the load run.
 */
final class DatabaseMatrix {

    private DatabaseMatrix() {
    }

    /** Why a cell's claim disagrees with what was measured, or null if it agrees (the rule is {@link Judge}'s). */
    static String problem(DesignOnEngine cell) {
        String what = cell.plans().size() + " plans" + (cell.load == null ? "" : " and the load run");
        return Judge.judge(cell.variant.name() + " on " + cell.engine.label(), what, cell.claim, cell.observations())
                .orElse(null);
    }

    /** Every finding of the cell: one per schedule, one for the load run. */
    static List<Finding> findings(DesignOnEngine cell) {
        List<Finding> findings = new ArrayList<>();
        cell.schedules().forEach(s -> findings.add(s.finding()));
        if (cell.load != null) {
            findings.add(cell.load.judged());
        }
        return findings;
    }

    static Optional<JdbcScheduleOutcome> shown(DesignOnEngine cell) {
        return cell.schedules().stream().min(Comparator.comparing(JdbcScheduleOutcome::kind));
    }

    static void write(List<DesignOnEngine> cells, Map<Engine, String> versions, Map<Engine, String> unavailable) {
        List<DatabaseObservation> observations = new ArrayList<>();
        for (DesignOnEngine cell : cells) {
            List<JdbcScheduleOutcome> schedules = cell.schedules();
            if (unavailable.containsKey(cell.engine) || (cell.plans().isEmpty() && cell.load == null)) {
                continue;
            }
            Map<String, Integer> kinds = new LinkedHashMap<>();
            Map<String, Integer> scheduleFindings = new LinkedHashMap<>();
            schedules.forEach(s -> kinds.merge(s.kind().label, 1, Integer::sum));
            schedules.forEach(s -> scheduleFindings.merge(s.finding().word(), 1, Integer::sum));
            int oversold = scheduleFindings.getOrDefault(Finding.OVERSOLD.word(), 0);
            CheckVerdict schedulesVerdict = schedules.isEmpty() ? null : CheckVerdict.of(schedules.stream()
                    .map(JdbcScheduleOutcome::finding).reduce(Finding.HELD, Finding::worst));
            Optional<JdbcScheduleOutcome> shown = shown(cell);
            String scriptFile = null;
            if (shown.isPresent()) {
                scriptFile = cell.engine.key() + "/" + cell.variant.name() + ".sql";
                Evidence.writeText(DatabaseSuite.SUITE, scriptFile, script(cell, shown.get(),
                        versions.getOrDefault(cell.engine, cell.engine.label())));
            }
            List<Observation> observed = cell.observations();
            Map<String, String> coverage = new LinkedHashMap<>();
            observed.forEach(o -> coverage.put(o.cell(), o.coverage().words()));
            CheckVerdict verdict = CheckVerdict.of(findings(cell).stream().reduce(Finding.HELD, Finding::worst));
            if (verdict == CheckVerdict.HELD && observed.stream()
                    .anyMatch(o -> !o.checked() && !(o.coverage() instanceof Coverage.NotApplicable))) {
                verdict = CheckVerdict.NOT_CHECKED;
            }
            String problem = problem(cell);
            observations.add(new DatabaseObservation(cell.engine.key(), versions.get(cell.engine), cell.variant.name(),
                    cell.variant.mechanism(), cell.claim.name(), schedules.size(), scheduleFindings, kinds, oversold,
                    schedulesVerdict, shown.map(JdbcScheduleOutcome::ran).orElse(null),
                    shown.map(s -> s.kind().label).orElse(null), scriptFile, cell.load, coverage, verdict, problem == null,
                    problem));
        }
        var json = Evidence.writeJson(DatabaseSuite.SUITE, "matrix.json", observations);
        Evidence.writeObservations(DatabaseSuite.SUITE, Designs.overStores(), cells.stream()
                .filter(cell -> !unavailable.containsKey(cell.engine))
                .flatMap(cell -> cell.observations().stream()).toList());
        String summary = DatabaseSummary.markdown(observations, versions, unavailable);
        var md = Evidence.writeText(DatabaseSuite.SUITE, "summary.md", summary);
        System.out.printf("%n%s%n[database] written to %s and %s%n", summary, json, md);
    }

    private static String script(DesignOnEngine cell, JdbcScheduleOutcome shown, String version) {
        return """
                -- Oversell: %s on %s
                -- %s
                -- Claim: %s. Schedule %s: %s.
                -- %s
                -- Statements as each transaction sent them, with the engine's answer after "--".
                -- Reproduce: %s

                %s""".formatted(cell.variant.name(), version, cell.variant.mechanism(), cell.claim,
                shown.ran(), shown.kind().label, shown.plan(), DatabaseSuite.reproduce(cell), shown.script());
    }
}
