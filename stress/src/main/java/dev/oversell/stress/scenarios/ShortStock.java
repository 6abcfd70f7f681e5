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
 * Stock 2, three buyers of 1, on three threads. jcstress runs a test only with a CPU per actor, so this one
 * runs on machines with three CPUs or more (it is reported as skipped, by name, elsewhere);
 * {@link ShortStockTwoThreads} is its two-thread form. Result: units buyers 1, 2, 3 got, final stock.
 */
@JCStressTest
@Description("Short stock: stock 2, three buyers of 1")
@Outcome(id = {"1, 1, 0, 0", "1, 0, 1, 0", "0, 1, 1, 0"}, expect = ACCEPTABLE, desc = Outcomes.TWO_OF_THREE)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 2, sold = {0, 1, 2}, stock = 3)
@State
public class ShortStock extends DesignState {

    public ShortStock() {
        super(2);
    }

    @Actor
    public void buyer1(IIII_Result r) {
        r.r1 = buy("b1", 1);
    }

    @Actor
    public void buyer2(IIII_Result r) {
        r.r2 = buy("b2", 1);
    }

    @Actor
    public void buyer3(IIII_Result r) {
        r.r3 = buy("b3", 1);
    }

    @Arbiter
    public void stockAfter(IIII_Result r) {
        r.r4 = finalStockAndClose();
    }
}
