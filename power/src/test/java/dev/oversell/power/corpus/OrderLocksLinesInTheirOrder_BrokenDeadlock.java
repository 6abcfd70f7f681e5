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

import java.util.List;
import java.util.Map;

/**
 * A lock per product ({@link ProductLocks}), then the ledger's (the inventory's monitor): an order takes the locks
 * of its lines in the order the buyer wrote them, checks every line and takes them all while it holds every lock.
 * Never an oversell, never half an order; but two orders of the same products written in opposite orders each hold
 * the lock the other waits for, forever. No call answers: the model checker reports the hang (Lincheck: a
 * deadlock), and in jcstress the fork's hang watch names the cycle of threads and monitors; Oversell calls it
 * hung.
 * <pre>
 *   T1: place(A 1, B 1): lock A          T2: place(B 1, A 1): lock B
 *   T1: wait for B                       T2: wait for A            -- Hang: neither order ever answers
 * </pre>
 * The twin, {@link OrderLocksLinesInProductOrder}, takes them in the products' order.
 */
@KnownBug(value = "an order locks its lines in the order written: opposite orders deadlock",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.HUNG, scenarios = {"OppositeOrders", "OrderRacingPurchase"})
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class OrderLocksLinesInTheirOrder_BrokenDeadlock implements OrderInventory {

    private final Shelf shelf;
    private final ProductLocks locks;

    public OrderLocksLinesInTheirOrder_BrokenDeadlock(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
        this.locks = new ProductLocks(initialStock.keySet());
    }

    @Override
    public OrderResult place(Order order) {
        order.lines().forEach(line -> shelf.stock(line.product())); // an unknown product is an error, no lock
        List<String> products = order.lines().stream().map(Order.Line::product).toList();
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
