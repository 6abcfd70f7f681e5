package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A lock with room for one holder and one waiter: a caller that finds both taken is served at once, unguarded
 * ("the line is full"). Two buyers never fill it, whatever they call and however often: only a third buyer, while
 * the first holds the lock and the second waits, goes in beside the holder.
 * <pre>
 *   stock of A = 3
 *   T1 (buy 2): gate 1, lock, read 3   T2 (buy 1): gate 2, waits   T3 (buy 1): gate 3, unguarded, read 3
 *   T1: write 1, Purchased             T3: write 2, Purchased      T2: lock, read 2, write 1, Purchased
 *                                                     -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "a gate that counts two: the third buyer goes in unguarded (only three buyers reach it)",
        caughtBy = Family.LINCHECK, seenAs = Finding.OVERSOLD)
@RunsByDefault(Family.LINCHECK)
public final class GateThatCountsTwo_BrokenForThreeBuyers implements Inventory {

    private static final int ROOM = 2;

    private final Shelf shelf;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger inTheGate = new AtomicInteger();

    public GateThatCountsTwo_BrokenForThreeBuyers(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    private <T> T through(Supplier<T> call) {
        boolean guarded = inTheGate.incrementAndGet() <= ROOM;
        if (guarded) {
            lock.lock();
        }
        try {
            return call.get();
        } finally {
            if (guarded) {
                lock.unlock();
            }
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
