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

/**
 * Stock 1, a buyer of 1 racing a restock of 1. Either order gives the buyer its unit and leaves 1 in stock; a
 * restock lost under a stale write is a lost update, not an oversell. Result: units the buyer got, 1 if the
 * restock applied, final stock.
 */
@JCStressTest
@Description("Buy racing restock: stock 1, a buyer of 1 racing a restock of 1")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = Outcomes.BUY_AND_RESTOCK)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 1, sold = {0}, restocked = {1}, stock = 2)
@State
public class BuyRacingRestock extends DesignState {

    public BuyRacingRestock() {
        super(1);
    }

    @Actor
    public void buyer(III_Result r) {
        r.r1 = buy("b1", 1);
    }

    @Actor
    public void restocker(III_Result r) {
        r.r2 = restock(1);
    }

    @Arbiter
    public void stockAfter(III_Result r) {
        r.r3 = finalStockAndClose();
    }
}
