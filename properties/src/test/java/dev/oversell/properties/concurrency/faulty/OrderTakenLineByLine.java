package dev.oversell.properties.concurrency.faulty;

import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.HashMap;
import java.util.Map;

/**
 * One lock around every call, so nothing races; but an order is taken line by line, each line as it is checked,
 * and a short line refuses the order without giving back the lines already taken. Never an oversell: the units
 * of a refused order's first lines are gone and nobody was told, a lost update.
 * <pre>
 *   stock of A = 3, of B = 1
 *   T1: place(A 2, B 2): take 2 of A; B short: Refused    -- lost update: stock of A 1, nothing sold of A
 * </pre>
 */
public final class OrderTakenLineByLine implements OrderInventory {

    private final SequentialInventory lines;
    private final Map<String, OrderResult> orders = new HashMap<>();

    public OrderTakenLineByLine(Map<String, Long> initialStock) {
        this.lines = new SequentialInventory(initialStock);
    }

    @Override
    public synchronized OrderResult place(Order order) {
        OrderResult earlier = orders.get(order.requestId());
        if (earlier != null) {
            return earlier;
        }
        OrderResult result = OrderResult.placed(order);
        for (int i = 0; i < order.lines().size() && result instanceof OrderResult.Placed; i++) {
            Order.Line line = order.lines().get(i);
            if (lines.place(Order.of(order.requestId() + "#" + i, line)) instanceof OrderResult.Refused refused) {
                result = new OrderResult.Refused(order.requestId(), line.product(), line.quantity(), refused.stockSeen());
            }
        }
        orders.put(order.requestId(), result);
        return result;
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        return lines.buy(request);
    }

    @Override
    public synchronized long stock(String product) {
        return lines.stock(product);
    }

    @Override
    public synchronized void restock(String product, long units) {
        lines.restock(product, units);
    }
}
