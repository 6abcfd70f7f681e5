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

/** Stock 1, two buyers of 1. Result: units buyer 1 got, units buyer 2 got, final stock. */
@JCStressTest
@Description("Last unit: stock 1, two buyers of 1")
@Outcome(id = {"1, 0, 0", "0, 1, 0"}, expect = ACCEPTABLE, desc = Outcomes.ONE_GOT_THE_LAST_UNIT)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(initial = 1, sold = {0, 1}, stock = 2)
@State
public class LastUnit extends DesignState {

    public LastUnit() {
        super(1);
    }

    @Actor
    public void buyer1(III_Result r) {
        r.r1 = buy("b1", 1);
    }

    @Actor
    public void buyer2(III_Result r) {
        r.r2 = buy("b2", 1);
    }

    @Arbiter
    public void stockAfter(III_Result r) {
        r.r3 = finalStockAndClose();
    }
}
