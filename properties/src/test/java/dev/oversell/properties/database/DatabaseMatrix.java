package dev.oversell.properties.database;

import dev.oversell.catalogue.Claim;
import dev.oversell.properties.Evidence;
import dev.oversell.store.Engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the database checks measured into the verdict matrix (engine by variant): {@code matrix.json}
 * for the report, {@code summary.md} for people, and one Hermitage-style script per cell,
 * {@code <engine>/<variant>.sql}: the first oversold schedule, or, where none oversold, the most telling one
 * (a deadlock, a serialization failure, a block), so that every verdict can be explained with its script.
 */
final class DatabaseMatrix {

    private DatabaseMatrix() {
    }

    /** Why a cell's claim disagrees with what was measured, or null if it agrees. */
    static String problem(VariantOnEngine cell) {
        if (cell.schedules.isEmpty() && cell.load == null) {
            return cell.variant.name() + " on " + cell.engine.label() + ": nothing was measured (see the errors above).";
        }
        long oversoldSchedules = cell.schedules.stream().filter(ScheduleOutcome::oversold).count();
        boolean loadOversold = cell.load != null && !cell.load.brokenInvariants().isEmpty();
        boolean oversold = oversoldSchedules > 0 || loadOversold;
        if (cell.claim == Claim.NEVER_OVERSELLS && oversold) {
            return cell.variant.name() + " claims it never oversells on " + cell.engine.label() + ", but "
                    + oversoldSchedules + " of " + cell.schedules.size() + " schedules oversold"
                    + (loadOversold ? " and the load run broke " + cell.load.brokenInvariants() : "") + ".";
        }
        if (cell.claim == Claim.MAY_OVERSELL && !oversold) {
            return cell.variant.name() + " claims it may oversell on " + cell.engine.label() + ", but none of "
                    + cell.schedules.size() + " schedules" + (cell.load == null ? "" : " nor the load run")
                    + " oversold: either the engine is safer than claimed (fix the claim) or the checks lacked"
                    + " power.";
        }
        return null;
    }

    static Optional<ScheduleOutcome> shown(VariantOnEngine cell) {
        synchronized (cell.schedules) {
            return cell.schedules.stream().min(Comparator.comparing(ScheduleOutcome::kind));
        }
    }

    static void write(List<VariantOnEngine> cells, Map<Engine, String> versions, Map<Engine, String> unavailable) {
        List<DatabaseObservation> observations = new ArrayList<>();
        for (VariantOnEngine cell : cells) {
            if (unavailable.containsKey(cell.engine) || (cell.schedules.isEmpty() && cell.load == null)) {
                continue;
            }
            Map<String, Integer> kinds = new LinkedHashMap<>();
            synchronized (cell.schedules) {
                cell.schedules.forEach(s -> kinds.merge(s.kind().label, 1, Integer::sum));
            }
            int oversold = (int) cell.schedules.stream().filter(ScheduleOutcome::oversold).count();
            Optional<ScheduleOutcome> shown = shown(cell);
            String scriptFile = null;
            if (shown.isPresent()) {
                scriptFile = cell.engine.key() + "/" + cell.variant.name() + ".sql";
                Evidence.writeText(DatabaseVerdictsTest.SUITE, scriptFile, script(cell, shown.get(),
                        versions.getOrDefault(cell.engine, cell.engine.label())));
            }
            boolean loadOversold = cell.load != null && !cell.load.brokenInvariants().isEmpty();
            String verdict = oversold > 0 || loadOversold ? "oversold" : "held";
            String problem = problem(cell);
            observations.add(new DatabaseObservation(cell.engine.key(), versions.get(cell.engine), cell.variant.name(),
                    cell.variant.mechanism(), cell.claim.name(), cell.schedules.size(), kinds, oversold,
                    shown.map(ScheduleOutcome::schedule).orElse(null),
                    shown.map(s -> s.kind().label).orElse(null), scriptFile, cell.load, verdict, problem == null,
                    problem));
        }
        var json = Evidence.writeJson(DatabaseVerdictsTest.SUITE, "matrix.json", observations);
        String summary = DatabaseSummary.markdown(observations, versions, unavailable);
        var md = Evidence.writeText(DatabaseVerdictsTest.SUITE, "summary.md", summary);
        System.out.printf("%n%s%n[database] written to %s and %s%n", summary, json, md);
    }

    private static String script(VariantOnEngine cell, ScheduleOutcome shown, String version) {
        return """
                -- Oversell: %s on %s
                -- %s
                -- Claim: %s. Schedule %s: %s.
                -- Two purchases of the last unit (stock 1): T1 and T2 each buy 1 unit of 'sku'.
                -- Statements as each transaction sent them, with the engine's answer after "--".
                -- Reproduce: %s
                -- (the ovs_<id>_ table names are per run)

                %s""".formatted(cell.variant.name(), version, cell.variant.mechanism(), cell.claim,
                shown.schedule(), shown.kind().label, DatabaseVerdictsTest.reproduce(cell), shown.script());
    }
}
