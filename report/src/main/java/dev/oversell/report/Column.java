package dev.oversell.report;

/**
 * A column of the matrix: one check ({@code label}) within a family (Lincheck, jcstress, an engine, an engine
 * with several instances). The docs snapshot keeps one column per family.
 */
record Column(String family, String label) {
}
