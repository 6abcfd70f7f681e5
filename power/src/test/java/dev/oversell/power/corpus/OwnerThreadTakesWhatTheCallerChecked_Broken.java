package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * A single-thread executor owns the shelf and publishes its stock after every change; the caller checks the
 * published value, decides, and hands the owner a task that takes the units without looking again.
 * <pre>
 *   T1: published 3, 3 &gt;= 2         T2: published 3, 3 &gt;= 2
 *   owner: T1's task, take 2: 1     owner: T2's task, take 2: -1   -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "the caller checks the owner thread's published stock, then hands over the decrement",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault(Family.LINCHECK)
public final class OwnerThreadTakesWhatTheCallerChecked_Broken implements Inventory {

    private final ShelfOnOneThread shelf;
    private final Map<String, Long> published = new ConcurrentHashMap<>(); // written by the owner's tasks only

    public OwnerThreadTakesWhatTheCallerChecked_Broken(Map<String, Long> initialStock, ExecutorService owner) {
        Shelf owned = new Shelf(initialStock);
        this.shelf = new ShelfOnOneThread(owner, owned);
        initialStock.keySet().forEach(product -> published.put(product, owned.stock(product)));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        PurchaseResult decided = Shelf.decide(request, stock(request.product()));        // check ...
        return shelf.submit(s -> {                                                        // ... then act
            PurchaseResult answered = s.earlierAnswer(request);
            if (answered != null) {
                return answered;
            }
            s.set(request.product(), s.stock(request.product()) - decided.unitsSold());
            s.answer(request, decided);
            published.put(request.product(), s.stock(request.product()));
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
        shelf.submit(s -> {
            s.restock(product, units);
            published.put(product, s.stock(product));
            return null;
        });
    }

    @Override
    public void close() {
        shelf.close();
    }
}
