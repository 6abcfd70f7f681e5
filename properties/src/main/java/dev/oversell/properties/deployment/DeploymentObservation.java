package dev.oversell.properties.deployment;

import dev.oversell.judge.CheckVerdict;
import dev.oversell.properties.database.LoadOutcome;

import java.util.Map;

/**
 * One cell of the deployment column (engine by design, several instances over one store): the shared-store
 * claim, the load run across instances, the smallest oversell found and the worst finding of the search's
 * rounds, the hand-over schedules (single-owner designs: their kinds and findings counted), the separate-process
 * run if any, and the verdict: the worst {@link dev.oversell.judge.Finding} word of them all ({@code oversold},
 * {@code lost update}, {@code not linearizable} or {@code held}). Serialised into
 * {@code target/oversell/deployment/matrix.json}.
 */
record DeploymentObservation(String engine, String variant, String claim, int instances, LoadOutcome load,
                             Reproduction smallestReproduction, int reproductionRoundsTried, CheckVerdict searchFinding,
                             Map<String, Integer> handOverSchedules, Map<String, Integer> handOverFindings,
                             int handOversOversold, String handOverScript,
                             SeparateProcesses.Outcome separateProcesses, CheckVerdict verdict, boolean agrees,
                             String problem) {
}
