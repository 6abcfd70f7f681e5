package dev.oversell.power.corpus;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The twin of {@link GateThatCountsTwo_BrokenForThreeBuyers} and {@link TryLockFallsThrough_Broken}: it counts the
 * callers in the gate too (a queue-length gauge), but every one of them waits for the lock.
 */
@CorrectTwin("a fair lock every caller waits for, however many are in line")
public final class GateThatCountsEveryone implements Inventory {

    private final Shelf shelf;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicInteger inTheGate = new AtomicInteger();

    public GateThatCountsEveryone(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    private <T> T through(Supplier<T> call) {
        inTheGate.incrementAndGet();
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
            inTheGate.decrementAndGet();
        }
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return through(() -> shelf.buy(request));
    }

    @Override
    public long stock(String product) {
        return through(() -> shelf.stock(product));
    }

    @Override
    public void restock(String product, long units) {
        through(() -> {
            shelf.restock(product, units);
            return null;
        });
    }
}
