package dev.oversell.run;

import dev.oversell.judge.Observation;

import java.util.List;

/**
 * The one file every family of checks writes into the run folder, {@code <family>/observations.json}: the run
 * id, the family, the JVM that measured, the designs it judged with their claims, and what every check saw.
 */
public record Observations(String runId, String family, Environment measuredOn, List<JudgedDesign> designs,
                       List<Observation> observations) {
}
