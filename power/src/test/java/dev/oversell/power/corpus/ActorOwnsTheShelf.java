package dev.oversell.power.corpus;

import dev.oversell.actor.ActorSystem;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;
import dev.oversell.power.Family;
import dev.oversell.power.RunsByDefault;

import java.time.Duration;
import java.util.Map;

/**
 * One actor owns the shelf and every call is one whole turn: the twin of {@link ActorCallerChecksFirst_Broken},
 * {@link ActorAnswersBeforeItTakes_Broken} and {@link ActorRestockedOnTheCallersThread_BrokenLostRestock}.
 */
@CorrectTwin("an actor owns the stock; every call, restocks too, is one whole turn")
@RunsByDefault({Family.LINCHECK, Family.JCSTRESS})
public final class ActorOwnsTheShelf implements Inventory {

    private final OwnedShelf shelf;

    public ActorOwnsTheShelf(ActorSystem system, Map<String, Long> initialStock, Duration askTimeout) {
        this.shelf = new OwnedShelf(system, new Shelf(initialStock), askTimeout);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return shelf.ask(s -> s.buy(request));
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
