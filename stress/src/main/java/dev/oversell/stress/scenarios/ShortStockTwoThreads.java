package dev.oversell.stress.scenarios;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@link ShortStock} on two threads, for machines with two CPUs: stock 2, a buyer of 1 racing a buyer who buys
 * 1 twice in a row. Result: units the first buyer got, units the second buyer got on each purchase, final stock.
 */
@JCStressTest
@Description("Short stock on two threads: stock 2, a buyer of 1 racing a buyer of 1 + 1")
@Outcome(id = {"1, 1, 0, 0", "0, 1, 1, 0"}, expect = ACCEPTABLE, desc = Outcomes.TWO_OF_THREE)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 2, sold = {0, 1, 2}, stock = 3)
@State
public class ShortStockTwoThreads extends DesignState {

    public ShortStockTwoThreads() {
        super(2);
    }

    @Actor
    public void buyer(IIII_Result r) {
        r.r1 = buy("b1", 1);
    }

    @Actor
    public void buyerTwice(IIII_Result r) {
        r.r2 = buy("b2", 1);
        r.r3 = buy("b3", 1);
    }

    @Arbiter
    public void stockAfter(IIII_Result r) {
        r.r4 = finalStockAndClose();
    }
}
