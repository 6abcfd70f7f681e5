package dev.oversell.catalogue.actor;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.AwaitsReply;
import dev.oversell.actor.Behavior;
import dev.oversell.actor.DefaultActorSystem;
import dev.oversell.actor.Reply;
import dev.oversell.actor.StopMode;
import dev.oversell.actor.SupervisionPolicy;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The seed post's flow: buyer &rarr; purchase actor &rarr; inventory actor &rarr; back to the buyer.
 *
 * <p><b>Why:</b> the purchase actor does not touch stock; it forwards each purchase to the single inventory
 * actor, passing on the <em>buyer's</em> {@link Reply}, so the inventory actor's answer goes straight back
 * to the buyer. The inventory actor is the single writer, as in {@link ActorInventory}.
 *
 * <p><b>The seed's bug, not copied:</b> the post's purchase actor sent the inventory request with itself as
 * the reply address, so the answer came back to the purchase actor and never reached the buyer; buyers
 * hung until their timeout. Here the reply is forwarded, and the purchase actor never blocks.
 *
 * <p><b>Where it breaks:</b> as {@link ActorInventory}: one inventory actor per app instance means several
 * writers once instances share a store.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code seed-flow}): never oversells in one instance (the threads of one JVM).
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInLincheckTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.design=seed-flow}
 * <!-- /produced -->
 */
public final class SeedFlowActorInventory implements Inventory {

    private final ActorRef<InventoryMessage> inventory;
    private final ActorRef<Purchase> purchases;
    private final Duration askTimeout;
    private volatile boolean closed;

    /** A buyer's purchase, as the purchase actor receives it. */
    record Purchase(PurchaseRequest request, Reply<PurchaseResult> replyTo) implements AwaitsReply {
    }

    /** Forwards each purchase to the inventory actor with the buyer's reply; never waits itself. */
    private record PurchaseForwarder(ActorRef<InventoryMessage> inventory) implements Behavior<Purchase> {
        @Override
        public void receive(Purchase purchase) {
            inventory.tell(new InventoryMessage.Buy(purchase.request(), purchase.replyTo()));
        }
    }

    public SeedFlowActorInventory(Map<String, Long> initialStock) {
        this(DefaultActorSystem.get(), initialStock, ActorInventory.DEFAULT_ASK_TIMEOUT);
    }

    public SeedFlowActorInventory(ActorSystem system, Map<String, Long> initialStock, Duration askTimeout) {
        this.askTimeout = Objects.requireNonNull(askTimeout, "askTimeout");
        this.inventory = ActorInventory.spawnInventoryActor(system, new SequentialInventory(initialStock));
        this.purchases = system.spawn("purchases", () -> new PurchaseForwarder(inventory), SupervisionPolicy.RESUME);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        Objects.requireNonNull(request, "request");
        return Answers.await(purchases.ask(reply -> new Purchase(request, reply), askTimeout),
                request.toString(), askTimeout);
    }

    @Override
    public long stock(String product) {
        ensureOpen();
        return Answers.await(inventory.ask(reply -> new InventoryMessage.ReadStock(product, reply), askTimeout),
                "stock of " + product, askTimeout);
    }

    @Override
    public void restock(String product, long units) {
        ensureOpen();
        Answers.await(inventory.<Void>ask(reply -> new InventoryMessage.Restock(product, units, reply), askTimeout),
                "restock of " + units + " " + product, askTimeout);
    }

    /** Stops the purchase actor, then the inventory actor, each after answering what it already accepted. */
    @Override
    public void close() {
        closed = true; // refuse new calls at once, though the inventory actor stops only after the purchase actor
        purchases.stop(StopMode.DRAIN).thenRun(() -> inventory.stop(StopMode.DRAIN));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("inventory is closed");
        }
    }
}
