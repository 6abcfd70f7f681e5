package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;

/**
 * The purchase is whole under the monitor, but whether its request id was answered before is asked in a critical
 * section of its own: a request sent twice at once (a client's retry) is applied twice.
 * <pre>
 *   stock of A = 4
 *   T1 (r1, 2): [r1 unknown]         T2 (r1 again, 2): [r1 unknown]
 *   T1: [read 4, write 2], Purchased T2: [read 2, write 0], Purchased
 *                                    -- Lost update: stock 0 and 2 sold (r1, once), but 4 existed
 * </pre>
 */
@KnownBug(value = "a retried request id is looked up outside the lock, so it is applied twice",
        caughtBy = Family.LINCHECK, seenAs = Finding.LOST_UPDATE)
@RunsByDefault(Family.LINCHECK)
public final class RequestIdCheckedOutsideTheLock_BrokenRetryAppliedTwice implements Inventory {

    private final Shelf shelf;

    public RequestIdCheckedOutsideTheLock_BrokenRetryAppliedTwice(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        PurchaseResult earlier;
        synchronized (this) {
            earlier = shelf.earlierAnswer(request);
        }
        if (earlier != null) {
            return earlier;
        }
        synchronized (this) {
            long seen = shelf.stock(request.product());
            PurchaseResult result = Shelf.decide(request, seen);
            shelf.set(request.product(), seen - result.unitsSold());
            shelf.answer(request, result);
            return result;
        }
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
