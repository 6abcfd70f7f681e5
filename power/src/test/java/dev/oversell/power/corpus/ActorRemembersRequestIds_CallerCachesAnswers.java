package dev.oversell.power.corpus;

import dev.oversell.actor.ActorSystem;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The twin of {@link ActorDeduplicatedByTheCaller_BrokenRetryAppliedTwice}: the caller keeps the answers it got, as
 * a shortcut for retries, but the actor remembers every request id itself and a purchase is one turn, so a retry
 * that reaches the actor gets the first answer back and changes nothing.
 */
@CorrectTwin("the actor remembers request ids; the caller's cache of answers is only a shortcut")
public final class ActorRemembersRequestIds_CallerCachesAnswers implements Inventory {

    private final OwnedShelf shelf;
    private final Map<String, PurchaseResult> answered = new ConcurrentHashMap<>();

    public ActorRemembersRequestIds_CallerCachesAnswers(ActorSystem system, Map<String, Long> initialStock,
                                                        Duration askTimeout) {
        this.shelf = new OwnedShelf(system, new Shelf(initialStock), askTimeout);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        PurchaseResult cached = answered.get(request.requestId());
        if (cached != null && cached.product().equals(request.product())
                && cached.requestId().equals(request.requestId()) && quantityOf(cached) == request.quantity()) {
            return cached;
        }
        PurchaseResult result = shelf.ask(s -> s.buy(request)); // conflicts are the actor's to refuse
        answered.putIfAbsent(request.requestId(), result);
        return result;
    }

    private static int quantityOf(PurchaseResult result) {
        return result instanceof PurchaseResult.Purchased sale ? sale.quantity()
                : ((PurchaseResult.OutOfStock) result).requested();
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
