package dev.oversell.bench.inmemory;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.AwaitsReply;
import dev.oversell.actor.Behavior;
import dev.oversell.actor.Reply;
import dev.oversell.actor.SupervisionPolicy;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;

/**
 * The smallest inventory actor on Oversell's own runtime ({@code dev.oversell.actor}): it owns a
 * {@link SequentialInventory} and answers purchases, nothing else. The catalogue's {@code actor} design is the
 * same design behind the synchronous {@code Inventory} contract; this one exposes the ask itself, so that a
 * caller can send several purchases before waiting for the first answer ({@link OversellActorAskBenchmark}).
 */
final class SequentialInventoryActor implements Behavior<SequentialInventoryActor.Buy> {

    /** A purchase, with the reply its sender waits on. */
    record Buy(PurchaseRequest request, Reply<PurchaseResult> replyTo) implements AwaitsReply {
    }

    private final SequentialInventory state;

    private SequentialInventoryActor(SequentialInventory state) {
        this.state = state;
    }

    /**
     * Starts an actor owning {@code initialStock}. The state is built once, outside the factory: with
     * {@code RESUME} the factory is never called again, and a restart from the initial stock would resurrect
     * units already sold.
     */
    static ActorRef<Buy> spawn(ActorSystem system, Map<String, Long> initialStock) {
        SequentialInventoryActor actor = new SequentialInventoryActor(new SequentialInventory(initialStock));
        return system.spawn("bench-inventory", () -> actor, SupervisionPolicy.RESUME);
    }

    @Override
    public void receive(Buy buy) {
        buy.replyTo().complete(state.buy(buy.request())); // a throw fails the sender's reply (AwaitsReply)
    }
}
