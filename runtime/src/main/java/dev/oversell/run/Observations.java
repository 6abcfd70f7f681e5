package dev.oversell.run;

import dev.oversell.judge.Observation;

import java.util.List;

/**
 * The one file every family of checks writes into the run folder, {@code <family>/observations.json}: the run
 * id, the family, the JVM that measured, the designs it judged with their claims, what every check saw, what
 * the family was run with ({@link RunSettings}: the Oversell version, the shard, the settings) and the units of
 * work its shard took ({@link Units}), so that a report made from several run folders can tell shards of one run
 * from runs that measured different things, and see that they took every unit of the run once.
 */
public record Observations(String runId, String family, Environment measuredOn, List<JudgedDesign> designs,
                       List<Observation> observations, RunSettings settings, Units units) {
}
