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
 * The actor decides and answers in one turn, but leaves the taking of the units to a turn it sends itself
 * ("answer fast, book later"): a purchase already in its mailbox is decided before the taking, on the old stock.
 * <pre>
 *   mailbox: [buy r1 (2)] [buy r2 (2)]
 *   turn 1: stock 3, Purchased r1, send itself [take 2]     mailbox: [buy r2] [take 2]
 *   turn 2: stock 3, Purchased r2, send itself [take 2]     turns 3, 4: stock 1, then -1
 *                                                       -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "an actor that answers in one turn and takes the units in a later one",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class ActorAnswersBeforeItTakes_Broken implements Inventory {

    private final OwnedShelf shelf;

    public ActorAnswersBeforeItTakes_Broken(ActorSystem system, Map<String, Long> initialStock, Duration askTimeout) {
        this.shelf = new OwnedShelf(system, new Shelf(initialStock), askTimeout);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return shelf.ask(s -> {
            PurchaseResult earlier = s.earlierAnswer(request);
            if (earlier != null) {
                return earlier;
            }
            PurchaseResult result = Shelf.decide(request, s.stock(request.product()));
            s.answer(request, result);
            shelf.tell(later -> {
                later.set(request.product(), later.stock(request.product()) - result.unitsSold());
                return null;
            });
            return result;
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
