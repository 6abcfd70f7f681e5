package dev.oversell.bench.inmemory;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.Map;

/**
 * The same inventory actor written with Apache Pekko's typed API, the library a team would otherwise pick: it
 * owns a {@link SequentialInventory} and answers purchases, one message at a time, as
 * {@link SequentialInventoryActor} does on Oversell's runtime. Used by {@link PekkoActorAskBenchmark}.
 */
final class PekkoInventoryActor extends AbstractBehavior<PekkoInventoryActor.Command> {

    /** What the actor understands. */
    sealed interface Command {
    }

    /** A purchase, with the actor to send the answer to (in an ask: a temporary one that completes the future). */
    record Buy(PurchaseRequest request, ActorRef<PurchaseResult> replyTo) implements Command {
    }

    /** Stop after the messages already in the mailbox; {@code Done} once stopping. */
    record Stop(ActorRef<Done> replyTo) implements Command {
    }

    private final SequentialInventory state;

    private PekkoInventoryActor(ActorContext<Command> context, Map<String, Long> initialStock) {
        super(context);
        this.state = new SequentialInventory(initialStock);
    }

    /** The actor's behaviour, holding {@code initialStock}. A handler that throws stops it (Pekko's default). */
    static Behavior<Command> create(Map<String, Long> initialStock) {
        return Behaviors.setup(context -> new PekkoInventoryActor(context, initialStock));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Buy.class, this::onBuy)
                .onMessage(Stop.class, this::onStop)
                .build();
    }

    private Behavior<Command> onBuy(Buy buy) {
        buy.replyTo().tell(state.buy(buy.request()));
        return this;
    }

    private Behavior<Command> onStop(Stop stop) {
        stop.replyTo().tell(Done.getInstance());
        return Behaviors.stopped();
    }
}
