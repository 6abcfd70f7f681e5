package dev.oversell.catalogue.memory;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Check-then-act with no coordination: the seed post's first attempt.
 *
 * <p><b>Why it breaks:</b> {@code buy} reads the stock, decides, then writes {@code stock - quantity}. Two
 * buyers can both read the last unit before either writes; both are told "purchased" and one write is lost:
 * <pre>
 *   stock = 1
 *   T1: read 1, 1 >= 1            T2: read 1, 1 >= 1
 *   T1: write 0, Purchased        T2: write 0, Purchased     -- Oversell: both buyers got the last unit
 * </pre>
 * Each step is individually thread-safe (a {@link ConcurrentHashMap}); the bug is the gap between them.
 * Request ids are de-duplicated atomically ({@code computeIfAbsent}), so the only defect here is the
 * check-then-act on the stock in {@code buy}, and that is what the checks catch ({@code restock} is an atomic
 * {@code compute}, so a counterexample cannot be a lost restock instead of an oversell).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code naive}): may oversell in one instance (the threads of one JVM).
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInLincheckTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.design=naive}
 * <!-- /produced -->
 */
public final class CheckThenActInventory_BrokenUnsynchronized implements Inventory {

    private final Map<String, Long> stock;
    private final Map<String, Answered> answers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Answered(PurchaseRequest request, PurchaseResult result) {
    }

    public CheckThenActInventory_BrokenUnsynchronized(Map<String, Long> initialStock) {
        this.stock = new ConcurrentHashMap<>(SequentialInventory.copyOfValid(initialStock));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        if (!stock.containsKey(request.product()) && !answers.containsKey(request.requestId())) {
            throw new UnknownProductException(request.product());
        }
        Answered answered = answers.computeIfAbsent(request.requestId(),
                id -> new Answered(request, checkThenAct(request)));
        if (!answered.request().equals(request)) {
            throw new RequestIdConflictException(answered.request(), request);
        }
        return answered.result();
    }

    private PurchaseResult checkThenAct(PurchaseRequest request) {
        long available = stock.get(request.product());                  // check ...
        if (available >= request.quantity()) {
            stock.put(request.product(), available - request.quantity()); // ... then act on a stale read
            return PurchaseResult.purchased(request);
        }
        return PurchaseResult.outOfStock(request, available);
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        Long units = stock.get(product);
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units;
    }

    @Override
    public void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        stock(product); // unknown product check
        stock.compute(product, (sku, current) -> {                       // atomic: only buy() is broken here
            if (current > Long.MAX_VALUE - units) {
                throw new StockOverflowException(product, current, units);
            }
            return current + units;
        });
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
    }
}
