package dev.oversell.stress.scenarios;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Stock 2, a buyer of 1 racing {@code close()}. A purchase the inventory accepted before the close is answered;
 * one after it is refused with the contract's {@code IllegalStateException} (-2). A purchase that is neither
 * (it failed otherwise, or its answer timed out: a message lost at the stop) no order of the calls explains.
 * The stock cannot be read after a close, so this scenario has no accounts. Result: the buyer's answer, 1 once
 * {@code close()} returned.
 */
@JCStressTest
@Description("Close racing a purchase: stock 2, a buyer of 1 racing close()")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = Outcomes.BOUGHT_BEFORE_CLOSE)
@Outcome(id = "-2, 1", expect = ACCEPTABLE, desc = Outcomes.REFUSED_AFTER_CLOSE)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@State
public class CloseRacingPurchase extends DesignState {

    public CloseRacingPurchase() {
        super(2);
    }

    @Actor
    public void buyer(II_Result r) {
        r.r1 = buy("b1", 1);
    }

    @Actor
    public void closer(II_Result r) {
        r.r2 = close();
    }
}
