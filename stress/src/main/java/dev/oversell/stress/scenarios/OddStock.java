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
 * Multi-unit purchases against stock that is not a multiple of them: stock 3, two buyers of 2. Exactly one can
 * be served. Result: units buyer 1 got, units buyer 2 got, final stock.
 */
@JCStressTest
@Description("Odd stock: stock 3, two buyers of 2")
@Outcome(id = {"2, 0, 1", "0, 2, 1"}, expect = ACCEPTABLE, desc = Outcomes.ONE_PAIR)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 3, sold = {0, 1}, stock = 2)
@State
public class OddStock extends DesignState {

    public OddStock() {
        super(3);
    }

    @Actor
    public void buyer1(III_Result r) {
        r.r1 = buy("b1", 2);
    }

    @Actor
    public void buyer2(III_Result r) {
        r.r2 = buy("b2", 2);
    }

    @Arbiter
    public void stockAfter(III_Result r) {
        r.r3 = finalStockAndClose();
    }
}
