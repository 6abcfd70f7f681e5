package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A purchase of several units takes them one at a time, each under the monitor, and gives back what it took if
 * a unit is missing: never more sold than existed, but two buyers of the last two units can each take one, find
 * the second gone, give theirs back and both be refused, while one of them could have had both.
 * <pre>
 *   stock of B = 2
 *   T1 (buy 2 B): [take 1: 1 left]     T2 (buy 2 B): [take 1: 0 left]
 *   T1: [none left, give 1 back]       T2: [none left, give 1 back]   -- Not linearizable: both refused, 2 in stock
 * </pre>
 * (A request id being bought is marked under the same monitor, and a retry waits for its answer: retries are
 * not this design's bug.)
 */
@KnownBug(value = "a multi-unit purchase taken unit by unit: buyers who could be served are both refused",
        caughtBy = Family.LINCHECK, seenAs = Finding.NOT_LINEARIZABLE)
@RunsByDefault(Family.LINCHECK)
public final class OneUnitAtATime_BrokenMultiUnit implements Inventory {

    private final Shelf shelf;
    private final Set<String> inFlight = new HashSet<>(); // request ids being bought now, under the monitor

    public OneUnitAtATime_BrokenMultiUnit(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        String product = request.product();
        synchronized (this) {
            PurchaseResult earlier = awaitEarlierAnswer(request);
            if (earlier != null) {
                return earlier;
            }
            shelf.stock(product); // an unknown product is an error, as the specification has it
            inFlight.add(request.requestId());
        }
        int taken = 0;
        while (taken < request.quantity() && takeOne(product)) {
            taken++;
        }
        synchronized (this) {
            PurchaseResult result;
            if (taken == request.quantity()) {
                result = PurchaseResult.purchased(request);
            } else {
                shelf.set(product, shelf.stock(product) + taken);
                result = PurchaseResult.outOfStock(request, shelf.stock(product));
            }
            shelf.answer(request, result);
            inFlight.remove(request.requestId());
            notifyAll();
            return result;
        }
    }

    /** The earlier answer to this request id, waiting for it if the same id is being bought now; null if none. */
    private PurchaseResult awaitEarlierAnswer(PurchaseRequest request) {
        while (inFlight.contains(request.requestId())) {
            try {
                wait();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the same request was being bought", interrupted);
            }
        }
        return shelf.earlierAnswer(request);
    }

    private synchronized boolean takeOne(String product) {
        long stock = shelf.stock(product);
        if (stock == 0) {
            return false;
        }
        shelf.set(product, stock - 1);
        return true;
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
