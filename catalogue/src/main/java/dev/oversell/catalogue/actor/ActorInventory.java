package dev.oversell.catalogue.actor;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.DefaultActorSystem;
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
 * The inventory owned by one actor: every call is a message, handled one at a time.
 *
 * <p><b>Why:</b> the stock is touched only by the actor's handler, and the runtime runs one handler of an
 * actor at a time with each turn's writes visible to the next (see {@code dev.oversell.actor.Mailbox}). The
 * actor is the single writer, so check-then-act inside it is safe: the linearization point is the handling
 * of the message.
 *
 * <p><b>Where it breaks:</b> "single writer" holds only while exactly one actor owns the product. Two app
 * instances each start their own actor over a shared store: two writers. The shared-store column of the
 * catalogue is where that is measured.
 *
 * <p><b>Timeouts:</b> a caller waits at most the ask timeout (5 s by default) and then gets an
 * {@link dev.oversell.model.AnswerTimeoutException}; the purchase may still be applied, and resubmitting the
 * same request id tells its outcome without applying it twice.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code actor}): never oversells in one instance (the threads of one JVM).
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInLincheckTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.design=actor}
 * <!-- /produced -->
 */
public final class ActorInventory implements Inventory {

    static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(5);

    private final ActorRef<InventoryMessage> inventory;
    private final Inventory state;
    private final Duration askTimeout;

    public ActorInventory(Map<String, Long> initialStock) {
        this(DefaultActorSystem.get(), initialStock, DEFAULT_ASK_TIMEOUT);
    }

    public ActorInventory(ActorSystem system, Map<String, Long> initialStock, Duration askTimeout) {
        this(system, new SequentialInventory(initialStock), askTimeout); // validates the stock on the caller's thread
    }

    /**
     * An actor that owns {@code state} (which nothing else may touch): in memory, or the seed's design of an
     * actor in front of a database-backed inventory. Closing this closes {@code state} once the actor has
     * terminated, so never under a running handler.
     */
    public ActorInventory(ActorSystem system, Inventory state, Duration askTimeout) {
        this.askTimeout = Objects.requireNonNull(askTimeout, "askTimeout");
        this.state = Objects.requireNonNull(state, "state");
        this.inventory = spawnInventoryActor(system, state);
    }

    /** Spawns the actor that owns {@code state}; shared with the seed-flow design. */
    static ActorRef<InventoryMessage> spawnInventoryActor(ActorSystem system, Inventory state) {
        InventoryBehavior behavior = new InventoryBehavior(state);
        return system.spawn("inventory", () -> behavior, SupervisionPolicy.RESUME);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        Objects.requireNonNull(request, "request");
        return Answers.await(inventory.ask(reply -> new InventoryMessage.Buy(request, reply), askTimeout),
                request.toString(), askTimeout);
    }

    @Override
    public long stock(String product) {
        return Answers.await(inventory.ask(reply -> new InventoryMessage.ReadStock(product, reply), askTimeout),
                "stock of " + product, askTimeout);
    }

    @Override
    public void restock(String product, long units) {
        Answers.await(inventory.<Void>ask(reply -> new InventoryMessage.Restock(product, units, reply), askTimeout),
                "restock of " + units + " " + product, askTimeout);
    }

    /** Stops the actor after the messages already sent (they are answered); later calls fail at once. */
    @Override
    public void close() {
        inventory.stop(StopMode.DRAIN).whenComplete((stopped, failure) -> state.close());
    }
}
