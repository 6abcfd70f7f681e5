package dev.oversell.bench;

import dev.oversell.model.PurchaseRequest;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark thread's buyer: it builds a fresh purchase of one unit of the {@link EndlessStock} on every call,
 * with a request id no other purchase in the fork uses ({@code b<thread>-<n>}). A reused id would be answered
 * from the inventory's memory without touching the stock, and the benchmark would time a lookup instead of a
 * purchase.
 *
 * <p>Thread-scoped, so building ids costs no coordination between benchmark threads: a counter and a string
 * concatenation, a few tens of nanoseconds, paid by every design except the CAS reference (which has no
 * request at all).
 */
@State(Scope.Thread)
public class Buyer {

    private static final AtomicInteger BUYERS = new AtomicInteger();

    private final String prefix = "b" + BUYERS.incrementAndGet() + "-";
    private long purchases;

    /** The next purchase: one unit of the hot product, under a new request id. */
    public PurchaseRequest nextPurchase() {
        return PurchaseRequest.of(prefix + purchases++, EndlessStock.NAME, 1);
    }
}
