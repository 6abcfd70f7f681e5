package dev.oversell.power.corpus;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;
import dev.oversell.power.Family;
import dev.oversell.power.RunsByDefault;

import java.util.Map;

/**
 * {@link OneMonitor}, slow: every call, under the monitor, first works out a receipt (a long computation on its
 * own locals, as a fraud score or a price would be). Correct, and many times longer inside the lock than a buyer's
 * check-then-act: the twin a check must not flag for being slow, nor judge on too few samples.
 */
@CorrectTwin("one monitor, and a long computation inside it on every call")
@RunsByDefault(Family.LINCHECK)
public final class SlowOneMonitor implements Inventory {

    private static final int ROUNDS = 2_000;

    private final Shelf shelf;
    private long lastReceipt;

    public SlowOneMonitor(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        lastReceipt = receipt(request.hashCode());
        return shelf.buy(request);
    }

    @Override
    public synchronized long stock(String product) {
        lastReceipt = receipt(product.hashCode());
        return shelf.stock(product);
    }

    @Override
    public synchronized void restock(String product, long units) {
        lastReceipt = receipt(product.hashCode() + units);
        shelf.restock(product, units);
    }

    /** Slow on purpose, and on locals only: a linear congruential walk from {@code seed}. */
    private static long receipt(long seed) {
        long x = seed;
        for (int i = 0; i < ROUNDS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
