package dev.oversell.properties.concurrency.faulty;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * An owner thread keeps the stock and publishes it after every change; the caller checks the published value,
 * decides, then hands the owner the decrement, which it applies without looking again. Two callers both see the
 * last unit and both are sold it: "Oversell: both buyers got the last unit".
 */
public final class CallerChecksPublishedStock implements Inventory {

    private final ExecutorService owner;
    private final Map<String, Long> published = new ConcurrentHashMap<>(); // written by the owner's tasks only
    private final Map<String, PurchaseResult> answers = new HashMap<>();   // the owner's tasks only

    public CallerChecksPublishedStock(Map<String, Long> initialStock, ExecutorService owner) {
        this.owner = owner;
        this.published.putAll(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        long seen = stock(request.product());                                     // check ...
        PurchaseResult decided = seen >= request.quantity() ? PurchaseResult.purchased(request)
                : PurchaseResult.outOfStock(request, seen);
        return OwnerThreadChecksAndTakes.onOwner(owner, () -> {                   // ... then act
            PurchaseResult earlier = answers.get(request.requestId());
            if (earlier != null) {
                return earlier;
            }
            published.merge(request.product(), -(long) decided.unitsSold(), Long::sum);
            answers.put(request.requestId(), decided);
            return decided;
        });
    }

    @Override
    public long stock(String product) {
        Long units = published.get(product);
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return units;
    }

    @Override
    public void restock(String product, long units) {
        OwnerThreadChecksAndTakes.onOwner(owner, () -> published.merge(product, units, Long::sum));
    }

    @Override
    public void close() {
        owner.shutdown();
    }
}
