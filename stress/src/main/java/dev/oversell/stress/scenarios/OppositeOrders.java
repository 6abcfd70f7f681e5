package dev.oversell.stress.scenarios;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.Map;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two orders of the same two products written in opposite order, one unit of each in stock: exactly one order is
 * placed. A design that locks an order's lines in the order written deadlocks here (each order holds the product the
 * other waits for; the fork's {@link HangWatch} names the cycle); one that checks every line and then takes them with
 * nothing held across places both and oversells; one that takes line by line leaves each order half taken. Result:
 * order 1 placed (1) or refused (0), the same of order 2, then the stock of {@code a} and of {@code b}.
 */
@JCStressTest
@Description("Two orders of a and b in opposite order, 1 unit of each: one order placed, the other refused")
@Outcome(id = {"1, 0, 0, 0", "0, 1, 0, 0"}, expect = ACCEPTABLE, desc = Outcomes.ONE_ORDER_PLACED)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(product = DesignState.A, initial = 1, sold = {0, 1}, stock = 2)
@Accounts(product = DesignState.B, initial = 1, sold = {0, 1}, stock = 3)
@OrderOfOneEach(field = 0, products = {DesignState.A, DesignState.B})
@OrderOfOneEach(field = 1, products = {DesignState.B, DesignState.A})
@State
public class OppositeOrders extends OrdersState {

    public OppositeOrders() {
        super(Map.of(A, 1L, B, 1L));
    }

    @Actor
    public void orderOfAThenB(IIII_Result r) {
        r.r1 = placeOneOfEach("o1", A, B);
    }

    @Actor
    public void orderOfBThenA(IIII_Result r) {
        r.r2 = placeOneOfEach("o2", B, A);
    }

    @Arbiter
    public void stocksAfter(IIII_Result r) {
        r.r3 = stock(A);
        r.r4 = stock(B);
        release();
    }
}
