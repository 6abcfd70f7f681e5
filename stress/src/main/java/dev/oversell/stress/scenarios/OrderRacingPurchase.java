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
 * An order of {@code a} and {@code b} racing a purchase of {@code b}, one unit of each in stock: either the order
 * is placed and the purchase told out of stock, or the purchase gets {@code b} and the order is refused, taking
 * nothing. A design that checks every line and then takes them with nothing held across sells {@code b} twice; one
 * that takes the lines one at a time and does not give back what it took when a later line is short leaves
 * {@code a} gone with the order refused (applied in part). Result: the order placed (1) or refused (0), units the
 * purchase got, then the stock of {@code a} and of {@code b}.
 */
@JCStressTest
@Description("An order of a and b racing a purchase of b, 1 unit of each: the order whole, or the purchase and nothing of the order")
@Outcome(id = "1, 0, 0, 0", expect = ACCEPTABLE, desc = Outcomes.ORDER_FIRST)
@Outcome(id = "0, 1, 1, 0", expect = ACCEPTABLE, desc = Outcomes.PURCHASE_FIRST)
@Outcome(expect = FORBIDDEN, desc = Outcomes.NOT_EXPLAINED)
@Accounts(product = DesignState.A, initial = 1, sold = {0}, stock = 2)
@Accounts(product = DesignState.B, initial = 1, sold = {0, 1}, stock = 3)
@OrderOfOneEach(field = 0, products = {DesignState.A, DesignState.B})
@State
public class OrderRacingPurchase extends OrdersState {

    public OrderRacingPurchase() {
        super(Map.of(A, 1L, B, 1L));
    }

    @Actor
    public void orderOfAAndB(IIII_Result r) {
        r.r1 = placeOneOfEach("o1", A, B);
    }

    @Actor
    public void buyerOfB(IIII_Result r) {
        r.r2 = buy("p1", B, 1);
    }

    @Arbiter
    public void stocksAfter(IIII_Result r) {
        r.r3 = stock(A);
        r.r4 = stock(B);
        release();
    }
}
