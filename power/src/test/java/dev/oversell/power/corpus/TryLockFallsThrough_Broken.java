package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A lock that never makes a buyer wait: {@code tryLock()}, and if it is taken the call goes ahead without it
 * ("better a fast answer"). Any two buyers at once race.
 * <pre>
 *   T1: tryLock ok, read 3          T2: tryLock fails, read 3
 *   T1: write 1, Purchased          T2: write 1, Purchased      -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "tryLock, and on failure the call goes ahead unguarded",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class TryLockFallsThrough_Broken implements Inventory {

    private final Shelf shelf;
    private final ReentrantLock lock = new ReentrantLock();

    public TryLockFallsThrough_Broken(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    private <T> T guarded(Supplier<T> call) {
        boolean locked = lock.tryLock();
        try {
            return call.get();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return guarded(() -> shelf.buy(request));
    }

    @Override
    public long stock(String product) {
        return guarded(() -> shelf.stock(product));
    }

    @Override
    public void restock(String product, long units) {
        guarded(() -> {
            shelf.restock(product, units);
            return null;
        });
    }
}
