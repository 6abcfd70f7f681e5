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
 * An order takes its lines one at a time, each in its own turn of the lock, and stops at the first line it cannot
 * take, answering "refused" without giving back the lines it took. Never oversells a product: each take checks the
 * stock under the lock. But the order is not all or nothing: a purchase of its last line's product between two
 * turns leaves the order refused with its first line taken.
 * <pre>
 *   stock of A = 3, of B = 2
 *   T1: place(A 2, B 2): take A 2, A = 1              T2: buy(B 1): 2 &gt;= 1, take, B = 1, Purchased
 *   T1: B 1 &lt; 2: Refused                              -- Oversell: partially applied: the refused order took 2 of A
 * </pre>
 * Its single-line calls hold the lock throughout and are correct; only orders break.
 */
@KnownBug(value = "an order's lines taken one turn of the lock at a time, and not given back when one is short",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.PARTIALLY_APPLIED, scenarios = {"OppositeOrders", "OrderRacingPurchase"})
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class OrderTakenLineByLine_BrokenPartial implements OrderInventory {

    private final Shelf shelf;

    public OrderTakenLineByLine_BrokenPartial(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public OrderResult place(Order order) {
        synchronized (this) {
            OrderResult earlier = shelf.earlierAnswer(order);
            if (earlier != null) {
                return earlier;
            }
            order.lines().forEach(line -> shelf.stock(line.product())); // an unknown product takes nothing
        }
        for (Order.Line line : order.lines()) {
            synchronized (this) {
                long seen = shelf.stock(line.product());
                if (seen < line.quantity()) {
                    OrderResult refused = OrderResult.refused(order, line, seen);
                    shelf.answer(order, refused);
                    return refused;
                }
                shelf.set(line.product(), seen - line.quantity());
            }
        }
        synchronized (this) {
            OrderResult placed = OrderResult.placed(order);
            shelf.answer(order, placed);
            return placed;
        }
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
