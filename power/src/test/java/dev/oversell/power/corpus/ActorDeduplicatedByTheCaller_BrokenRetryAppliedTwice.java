package dev.oversell.power.corpus;

import dev.oversell.actor.ActorSystem;
import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The actor decides and takes in one turn, but request ids are remembered by the caller, in a map it looks up
 * before sending the purchase and fills in after the answer: a request sent twice at once reaches the actor twice.
 * <pre>
 *   stock of A = 4
 *   T1 (r1, 2): r1 not answered     T2 (r1 again, 2): r1 not answered
 *   turn: 4 - 2 = 2, Purchased      turn: 2 - 2 = 0, Purchased
 *                                   -- Lost update: stock 0 and 2 sold (r1, once), but 4 existed
 * </pre>
 */
@KnownBug(value = "an actor whose caller remembers request ids: a retry sent at once is applied twice",
        caughtBy = Family.LINCHECK, seenAs = Finding.LOST_UPDATE)
public final class ActorDeduplicatedByTheCaller_BrokenRetryAppliedTwice implements Inventory {

    private final OwnedShelf shelf;
    private final Map<String, PurchaseResult> answered = new ConcurrentHashMap<>();

    public ActorDeduplicatedByTheCaller_BrokenRetryAppliedTwice(ActorSystem system, Map<String, Long> initialStock,
                                                                Duration askTimeout) {
        this.shelf = new OwnedShelf(system, new Shelf(initialStock), askTimeout);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        PurchaseResult earlier = answered.get(request.requestId());
        if (earlier != null) {
            return earlier;
        }
        PurchaseResult result = shelf.ask(s -> {
            PurchaseResult decided = Shelf.decide(request, s.stock(request.product()));
            s.set(request.product(), s.stock(request.product()) - decided.unitsSold());
            return decided;
        });
        PurchaseResult first = answered.putIfAbsent(request.requestId(), result);
        return first != null ? first : result;
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
