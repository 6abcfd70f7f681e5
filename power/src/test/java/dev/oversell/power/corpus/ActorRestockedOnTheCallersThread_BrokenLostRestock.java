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
 * Purchases and reads are turns of the actor that owns the shelf; a restock ("it only adds, what could go wrong")
 * writes the shelf from the caller's thread, racing the actor's turn.
 * <pre>
 *   actor (buy 2 A): read 3             caller (restock 1 A): read 3, write 4
 *   actor: write 1, Purchased           -- Lost update: stock 1 and 2 sold, but 4 existed
 * </pre>
 */
@KnownBug(value = "an actor's state restocked from the caller's thread, outside the actor",
        caughtBy = {Family.LINCHECK, Family.JCSTRESS}, seenAs = Finding.LOST_UPDATE,
        scenarios = "BuyRacingRestock")
@RunsByDefault(Family.JCSTRESS)
public final class ActorRestockedOnTheCallersThread_BrokenLostRestock implements Inventory {

    private final Shelf state;
    private final OwnedShelf shelf;

    public ActorRestockedOnTheCallersThread_BrokenLostRestock(ActorSystem system, Map<String, Long> initialStock,
                                                              Duration askTimeout) {
        this.state = new Shelf(initialStock);
        this.shelf = new OwnedShelf(system, state, askTimeout);
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
        state.restock(product, units); // on the caller's thread: the actor does not own its state after all
    }

    @Override
    public void close() {
        shelf.close();
    }
}
