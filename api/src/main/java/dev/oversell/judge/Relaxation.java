package dev.oversell.judge;

/**
 * A weaker contract a design may declare, for a check to hold it to instead of the strict one, in the spirit of
 * jcstress's "acceptable, interesting" outcomes: the anomaly it allows is still seen, counted and named in its word
 * (the cell says {@link Finding#NOT_LINEARIZABLE not linearizable}), and the report says the design accepts it; it
 * does not count against a "never oversells" claim. A relaxation allows one kind of answer and nothing else: the
 * checker decides, execution by execution, whether the answers fit the relaxed specification, and an execution they
 * do not fit is judged as before. An oversell, a lost update or a partial order is never relaxed.
 */
public enum Relaxation {

    /**
     * A purchase may be answered "out of stock" whatever the stock was: the answers must fit some sequential order of
     * the calls in which every refused purchase changes nothing and every other call gets the specification's answer.
     * It is what a design that takes units first and gives them back when they were too many costs its buyers: while
     * one buyer's units are out, another may be refused units a sequential order would have sold it.
     */
    REFUSES_WHILE_UNITS_ARE_OUT("may refuse a buyer while another buyer's units are out (a refusal the stock did not"
            + " require)");

    private final String words;

    Relaxation(String words) {
        this.words = words;
    }

    /** What the design accepts, in a phrase a report prints after "accepted:". */
    public String words() {
        return words;
    }
}
