package dev.oversell.properties.database;

import java.util.Map;

/**
 * One cell of the verdict matrix, engine by variant, as measured: the claim, every schedule's kind counted,
 * the first oversold (or most telling) schedule and its script, the load run, and the verdict with whether it
 * agrees with the claim. Serialised into {@code target/oversell/database/matrix.json}.
 */
record DatabaseObservation(String engine, String engineVersion, String variant, String mechanism, String claim,
                           int schedules, Map<String, Integer> scheduleKinds, int oversoldSchedules,
                           String shownSchedule, String shownKind, String scriptFile, LoadOutcome load,
                           String verdict, boolean agrees, String problem) {
}
