package dev.oversell.power.corpus;

import dev.oversell.actor.ActorSystem;
import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.time.Duration;
import java.util.Map;

/**
 * An actor owns the stock, but the caller decides: it asks the actor for the stock in one turn, decides, and asks
 * it to take the units in another. The actor takes what it is told without looking again.
 * <pre>
 *   T1: ask stock: 3, 3 &gt;= 2      T2: ask stock: 3, 3 &gt;= 2
 *   T1: take 2: 1, Purchased     T2: take 2: -1, Purchased       -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "an actor whose caller checks the stock first, in a turn of its own",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault(Family.JCSTRESS)
public final class ActorCallerChecksFirst_Broken implements Inventory {

    private final OwnedShelf shelf;

    public ActorCallerChecksFirst_Broken(ActorSystem system, Map<String, Long> initialStock, Duration askTimeout) {
        this.shelf = new OwnedShelf(system, new Shelf(initialStock), askTimeout);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        PurchaseResult earlier = shelf.ask(s -> s.earlierAnswer(request));
        if (earlier != null) {
            return earlier;
        }
        PurchaseResult decided = Shelf.decide(request, shelf.ask(s -> s.stock(request.product()))); // check ...
        return shelf.ask(s -> {                                                                       // ... then act
            PurchaseResult answered = s.earlierAnswer(request);
            if (answered != null) {
                return answered;
            }
            s.set(request.product(), s.stock(request.product()) - decided.unitsSold());
            s.answer(request, decided);
            return decided;
        });
    }

    @Override
    public long stock(String product) {
        return shelf.ask(s -> s.stock(product));
    }

    @Override
    public void restock(String product, long units) {
        shelf.ask(s -> {
            s.restock(product, units);
            return null;
        });
    }

    @Override
    public void close() {
        shelf.close();
    }
}
