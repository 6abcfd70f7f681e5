package dev.oversell.power.corpus;

import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;
import dev.oversell.power.Family;
import dev.oversell.power.RunsByDefault;

import java.util.List;
import java.util.Map;

/**
 * The twin of {@link OrderLocksLinesInTheirOrder_BrokenDeadlock}: the same locks, a lock per product
 * ({@link ProductLocks}) then the ledger's, but an order takes its lines' locks in the products' order (by name),
 * whatever order the buyer wrote them in. Every caller takes the locks it needs in one global order, so no two can
 * each hold what the other waits for: no deadlock; and an order checks every line and takes them all while it holds
 * every lock, so it never oversells a line and never applies half an order.
 * <pre>
 *   T1: place(A 1, B 1): lock A, lock B   T2: place(B 1, A 1): wait for A (its first in the products' order)
 *   T1: check, take, Placed; unlock        T2: lock A, lock B, check, take, Placed
 * </pre>
 */
@CorrectTwin(value = "an order locks its lines in the products' order, one global order",
        scenarios = {"OppositeOrders", "OrderRacingPurchase"})
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class OrderLocksLinesInProductOrder implements OrderInventory {

    private final Shelf shelf;
    private final ProductLocks locks;

    public OrderLocksLinesInProductOrder(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
        this.locks = new ProductLocks(initialStock.keySet());
    }

    @Override
    public OrderResult place(Order order) {
        order.lines().forEach(line -> shelf.stock(line.product())); // an unknown product is an error, no lock
        List<String> products = order.lines().stream().map(Order.Line::product).sorted().toList();
        return locks.holding(products, () -> {
            synchronized (this) {
                return shelf.place(order);
            }
        });
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        shelf.stock(request.product());
        return locks.holding(List.of(request.product()), () -> {
            synchronized (this) {
                return shelf.buy(request);
            }
        });
    }

    @Override
    public long stock(String product) {
        shelf.stock(product);
        return locks.holding(List.of(product), () -> {
            synchronized (this) {
                return shelf.stock(product);
            }
        });
    }

    @Override
    public void restock(String product, long units) {
        shelf.stock(product);
        locks.holding(List.of(product), () -> {
            synchronized (this) {
                shelf.restock(product, units);
                return null;
            }
        });
    }
}
