package dev.oversell.stress.scenarios;

/**
 * The fixed outcome wording, shared by every scenario and every design. A scenario lists the outcomes some
 * sequential order of its calls explains; any other outcome is {@code FORBIDDEN} to jcstress, and the gate says
 * what it means from the scenario's {@link Accounts}: oversold, lost update, or not linearizable.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static final String ONE_GOT_THE_LAST_UNIT = "One buyer got the last unit, the other was told out of stock";
    public static final String TWO_OF_THREE = "Two buyers got the two units, the third was told out of stock";
    public static final String BIG_FIRST = "The buyer of 2 got both units, the buyer of 1 was told out of stock";
    public static final String SMALL_FIRST = "The buyer of 1 got a unit, the buyer of 2 was told out of stock";
    public static final String ONE_PAIR = "One buyer of 2 got its units, the other was told out of stock; 1 left";
    public static final String BUY_AND_RESTOCK = "The purchase and the restock both applied, in some order";
    public static final String EACH_PRODUCT_ITS_BUYER = "Each product sold to exactly one buyer; the other product's buyer got its unit";
    public static final String BOUGHT_BEFORE_CLOSE = "The purchase was answered before the close";
    public static final String REFUSED_AFTER_CLOSE = "The purchase came after the close and was refused";
    public static final String ONE_ORDER_PLACED = "One order was placed whole, the other refused and took nothing";
    public static final String ORDER_FIRST = "The order was placed whole, the purchase told out of stock";
    public static final String PURCHASE_FIRST = "The purchase got its unit, the order was refused and took nothing";
    public static final String NOT_EXPLAINED = "No sequential order of the calls explains this: see the gate's finding (oversold, partially applied, lost update, not linearizable)";
}
