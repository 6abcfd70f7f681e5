package dev.oversell.report;

import dev.oversell.judge.Observation.Family;

/**
 * A column of the in-memory table: a family of checks (Lincheck), or one cell of a family that has a column per
 * cell (jcstress: one per scenario). {@code cell} is empty for the whole family.
 */
record Column(Family family, String cell) {

    /** The family's name in a header: "Lincheck", "jcstress". */
    String familyLabel() {
        return Families.label(family);
    }

    /** The column's name on its own: "Lincheck", "jcstress LastUnit". */
    String label() {
        return cell.isEmpty() ? familyLabel() : familyLabel() + " " + cell;
    }

    /** Whether the observation belongs in this column (design and engine aside). */
    boolean holds(dev.oversell.judge.Observation o) {
        return o.family() == family && (cell.isEmpty() || cell.equals(o.cell()));
    }
}
