package dev.oversell.bench;

import java.util.Map;

/**
 * The one product every benchmark buys, with a stock so large that no purchase in any run can find it empty:
 * every operation measured is a successful purchase of one unit, so the benchmarks time the mechanism (a lock,
 * an actor's mailbox, a row lock), never the out-of-stock path.
 */
public final class EndlessStock {

    public static final String NAME = "hot";

    /** A quarter of {@code Long.MAX_VALUE}: more units than any run could sell, with room for restocks. */
    public static final long STOCK = Long.MAX_VALUE / 4;

    private EndlessStock() {
    }

    /** The initial stock of an inventory or a store: {@value #NAME} with {@link #STOCK} units. */
    public static Map<String, Long> stock() {
        return Map.of(NAME, STOCK);
    }
}
