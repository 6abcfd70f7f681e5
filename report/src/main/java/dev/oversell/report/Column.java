package dev.oversell.report;

/**
 * A column of the in-memory table: one check within a family of checks (Lincheck; jcstress, one check per
 * scenario). A family of one check has an empty {@code check}. The docs snapshot keeps one column per family.
 */
record Column(String family, String check) {

    /** The column's name on its own: "Lincheck", "jcstress LastUnit". */
    String label() {
        return check.isEmpty() ? family : family + " " + check;
    }
}
