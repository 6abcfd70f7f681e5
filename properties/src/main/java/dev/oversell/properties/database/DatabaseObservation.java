package dev.oversell.properties.database;

import dev.oversell.judge.CheckVerdict;
import java.util.Map;

/**
 * One cell of the verdict matrix, engine by design, as measured: the claim, every schedule's finding and kind
 * counted, the first oversold (or most telling) schedule and its script, the load run, and the verdict (the
 * worst {@link dev.oversell.judge.Finding} word of the schedules and the load run: {@code oversold},
 * {@code partially applied}, {@code lost update}, {@code not linearizable} or {@code held}) with whether it
 * agrees with the claim.
 * {@code schedulesVerdict} is the worst finding of the schedules alone (null: the design has no step script);
 * {@code verdict} is {@code not checked} where nothing was seen wrong but some plan did not cover what it names;
 * {@code coverage} says, per plan and for the load run, how much of it was run ({@link dev.oversell.judge.Coverage}).
 * Serialised into {@code target/oversell/database/matrix.json}.
 */
record DatabaseObservation(String engine, String engineVersion, String variant, String mechanism, String claim,
                           int schedules, Map<String, Integer> scheduleFindings, Map<String, Integer> scheduleKinds,
                           int oversoldSchedules, CheckVerdict schedulesVerdict, String shownSchedule, String shownKind,
                           String scriptFile, LoadOutcome load, Map<String, String> coverage, CheckVerdict verdict,
                           boolean agrees, String problem) {
}
