package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lock-free, each step atomic: request ids are answered once ({@code computeIfAbsent}), the stock is an
 * {@link AtomicLong}. But the check is a {@code get()} and the act an {@code addAndGet(-units)}: two atomic steps
 * are not one.
 * <pre>
 *   T1: get 3, 3 &gt;= 2            T2: get 3, 3 &gt;= 2
 *   T1: addAndGet(-2) = 1        T2: addAndGet(-2) = -1        -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "an atomic get, then an atomic add: check-then-act on an AtomicLong",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault(Family.JCSTRESS)
public final class AtomicCheckThenAdd_Broken implements Inventory {

    private final Map<String, AtomicLong> units = new ConcurrentHashMap<>();
    private final Map<String, Answered> answers = new ConcurrentHashMap<>();

    private record Answered(PurchaseRequest request, PurchaseResult result) {
    }

    public AtomicCheckThenAdd_Broken(Map<String, Long> initialStock) {
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
            long seen = stock.get();                                 // check ...
            PurchaseResult result = Shelf.decide(request, seen);
            stock.addAndGet(-result.unitsSold());                    // ... then act
            return new Answered(request, result);
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
        AtomicLong stock = units(product);
        stock.getAndUpdate(current -> Shelf.plus(product, current, added));
    }
}
