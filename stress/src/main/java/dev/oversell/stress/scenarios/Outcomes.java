package dev.oversell.stress.scenarios;

/** The fixed outcome wording, shared by every scenario and every variant. */
public final class Outcomes {

    private Outcomes() {
    }

    /** The prefix by which the gate recognises an oversell outcome. */
    public static final String OVERSELL = "Oversell: ";

    public static final String BOTH_GOT_THE_LAST_UNIT = OVERSELL + "both buyers got the last unit";
    public static final String THREE_GOT_TWO_UNITS = OVERSELL + "three buyers got two units";
    public static final String BOTH_GOT_TWO_UNITS = OVERSELL + "the buyer of 2 and the buyer of 1 both got their units out of 2";
    public static final String ONE_GOT_THE_LAST_UNIT = "One buyer got the last unit, the other was told out of stock";
    public static final String TWO_OF_THREE = "Two buyers got the two units, the third was told out of stock";
    public static final String BIG_FIRST = "The buyer of 2 got both units, the buyer of 1 was told out of stock";
    public static final String SMALL_FIRST = "The buyer of 1 got a unit, the buyer of 2 was told out of stock";
    public static final String BUY_AND_RESTOCK = "The purchase and the restock both applied, in some order";
    public static final String UNEXPLAINED = "Broken: no sequential order of the calls explains this (lost update, lost sale or a failed call)";
}
