package dev.oversell.stress.scenarios;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

import java.util.Map;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two products, one unit each: buyer 1 buys the first product; buyer 2 buys the second, then the first. The
 * second product's buyer must always be served, and the first product sold once. A design that shares state
 * between products, or guards a product with another product's lock, shows here. Result: units buyer 1 got of
 * the first product, buyer 2 of the second, buyer 2 of the first; final stock of the first and the second.
 */
@JCStressTest
@Description("Two products: 1 unit each; one buyer of the first racing a buyer of the second then the first")
@Outcome(id = {"1, 1, 0, 0, 0", "0, 1, 1, 0, 0"}, expect = ACCEPTABLE, desc = Outcomes.EACH_PRODUCT_ITS_BUYER)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 1, sold = {0, 2}, stock = 3)
@Accounts(initial = 1, sold = {1}, stock = 4)
@State
public class TwoProducts extends DesignState {

    public TwoProducts() {
        super(Map.of(SKU, 1L, OTHER, 1L));
    }

    @Actor
    public void buyerOfFirst(IIIII_Result r) {
        r.r1 = buy("b1", SKU, 1);
    }

    @Actor
    public void buyerOfSecondThenFirst(IIIII_Result r) {
        r.r2 = buy("b2", OTHER, 1);
        r.r3 = buy("b3", SKU, 1);
    }

    @Arbiter
    public void stocksAfter(IIIII_Result r) {
        r.r4 = stock(SKU);
        r.r5 = stock(OTHER);
        release();
    }
}
