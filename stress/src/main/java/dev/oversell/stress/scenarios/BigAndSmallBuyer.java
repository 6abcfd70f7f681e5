package dev.oversell.stress.scenarios;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** Stock 2, a buyer of 2 racing a buyer of 1. Result: units the big buyer got, the small buyer got, final stock. */
@JCStressTest
@Description("Big and small buyer: stock 2, a buyer of 2 racing a buyer of 1")
@Outcome(id = "2, 0, 0", expect = ACCEPTABLE, desc = Outcomes.BIG_FIRST)
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = Outcomes.SMALL_FIRST)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 2, sold = {0, 1}, stock = 2)
@State
public class BigAndSmallBuyer extends DesignState {

    public BigAndSmallBuyer() {
        super(2);
    }

    @Actor
    public void bigBuyer(III_Result r) {
        r.r1 = buy("big", 2);
    }

    @Actor
    public void smallBuyer(III_Result r) {
        r.r2 = buy("small", 1);
    }

    @Arbiter
    public void stockAfter(III_Result r) {
        r.r3 = finalStockAndClose();
    }
}
