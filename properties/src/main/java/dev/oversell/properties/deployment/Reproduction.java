package dev.oversell.properties.deployment;

/**
 * The smallest oversell found across instances: {@code buyers} buyers of one unit each, split over the
 * instances, racing for {@code units} units; it oversold in round {@code round} of at most {@code rounds}.
 */
record Reproduction(int instances, int buyers, long units, int round, int rounds, long sold) {
}
