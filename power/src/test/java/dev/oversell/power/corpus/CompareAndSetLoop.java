package dev.oversell.power.corpus;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.CorrectTwin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lock-free: the twin of {@link AtomicCheckThenAdd_Broken}. The check and the act are one compare-and-set of the
 * stock seen, retried if another buyer changed it in between; request ids are answered once
 * ({@code computeIfAbsent} runs one purchase per id).
 */
@CorrectTwin("a compare-and-set loop on the stock seen, one purchase per request id")
public final class CompareAndSetLoop implements Inventory {

    private final Map<String, AtomicLong> units = new ConcurrentHashMap<>();
    private final Map<String, Answered> answers = new ConcurrentHashMap<>();

    private record Answered(PurchaseRequest request, PurchaseResult result) {
    }

    public CompareAndSetLoop(Map<String, Long> initialStock) {
        new Shelf(initialStock); // validates it
        initialStock.forEach((product, stock) -> units.put(product, new AtomicLong(stock)));
    }

    private AtomicLong units(String product) {
        AtomicLong stock = units.get(product);
        if (stock == null) {
            throw new UnknownProductException(product);
        }
        return stock;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        AtomicLong stock = units(request.product());
        Answered answered = answers.computeIfAbsent(request.requestId(), id -> {
            while (true) {
                long seen = stock.get();
                PurchaseResult result = Shelf.decide(request, seen);
                if (result.unitsSold() == 0 || stock.compareAndSet(seen, seen - result.unitsSold())) {
                    return new Answered(request, result);
                }
            }
        });
        if (!answered.request().equals(request)) {
            throw new RequestIdConflictException(answered.request(), request);
        }
        return answered.result();
    }

    @Override
    public long stock(String product) {
        return units(product).get();
    }

    @Override
    public void restock(String product, long added) {
        units(product).getAndUpdate(current -> Shelf.plus(product, current, added));
    }
}
