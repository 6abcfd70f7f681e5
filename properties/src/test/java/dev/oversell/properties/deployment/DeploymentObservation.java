package dev.oversell.properties.deployment;

import dev.oversell.properties.database.LoadOutcome;

import java.util.Map;

/**
 * One cell of the deployment column (engine by variant, several instances over one store): the shared-store
 * claim, the load run across instances, the smallest reproduction found, the hand-over schedules (single-owner
 * designs), the separate-process run if any, and the verdict. Serialised into
 * {@code target/oversell/deployment/matrix.json}.
 */
record DeploymentObservation(String engine, String variant, String claim, int instances, LoadOutcome load,
                             Reproduction smallestReproduction, int reproductionRoundsTried,
                             Map<String, Integer> handOverSchedules, int handOversOversold, String handOverScript,
                             SeparateProcesses.Outcome separateProcesses, String verdict, boolean agrees,
                             String problem) {
}
