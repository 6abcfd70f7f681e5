package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;

/**
 * An order checks every line before it takes any, so it never applies half an order; but the check and the take
 * are two turns of the lock, with nothing held across. A purchase of one of the order's lines that runs between
 * them takes the units the order counted on, and the order then takes them again.
 * <pre>
 *   stock of A = 3, of B = 2
 *   T1: place(A 2, B 1): check, A 3 &gt;= 2, B 2 &gt;= 1     T2: buy(A 2): 3 &gt;= 2, take, A = 1, Purchased
 *   T1: take A 2, B 1: A = -1, Placed                  -- Oversell: 4 units of A sold, only 3 existed
 * </pre>
 * Its single-line calls hold the lock throughout and are correct; only orders break.
 */
@KnownBug(value = "an order's lines checked in one turn of the lock and taken in another",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = {"OppositeOrders", "OrderRacingPurchase"})
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class OrderCheckedThenTakenInTwoLocks_Broken implements OrderInventory {

    private final Shelf shelf;

    public OrderCheckedThenTakenInTwoLocks_Broken(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public OrderResult place(Order order) {
        OrderResult result;
        synchronized (this) {
            OrderResult earlier = shelf.earlierAnswer(order);
            if (earlier != null) {
                return earlier;
            }
            result = shelf.decide(order);
        }
        synchronized (this) {
            shelf.take(result);
            shelf.answer(order, result);
        }
        return result;
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        return shelf.buy(request);
    }

    @Override
    public synchronized long stock(String product) {
        return shelf.stock(product);
    }

    @Override
    public synchronized void restock(String product, long units) {
        shelf.restock(product, units);
    }
}
