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
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.model.reference.SequentialInventory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An actor owns the stock, but the caller decides for it: the caller asks the actor how many units are left,
 * decides, then tells the actor to take them. Check-then-act, with the check and the act in two messages.
 *
 * <p><b>Why it breaks:</b> the actor handles one message at a time, so each read and each write of the stock
 * is safe on its own. But the decision is the caller's, made between two messages on a stock that another
 * caller can change in the gap, and the actor takes the units it is told to take without looking again:
 * <pre>
 *   stock of A = 3
 *   T1: ask stock of A: 3, 3 &gt;= 2       T2: ask stock of A: 3, 3 &gt;= 2
 *   T1: take 2: stock 1, Purchased      T2: take 2: stock -1, Purchased   -- Oversell: 4 units sold, only 3 existed
 * </pre>
 * One call at a time it answers exactly as the specification does (retries, reused ids, unknown products, bad
 * restocks): only the gap between the two messages is wrong. {@link ActorInventory} sends the whole purchase as
 * one message, and the actor decides.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code actor-broken-caller-checks-stock}): may oversell in one instance (the threads of one JVM).
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInLincheckTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.design=actor-broken-caller-checks-stock}
 * <!-- /produced -->
 */
public final class ActorInventory_BrokenCallerChecksStock implements Inventory {

    private final ActorRef<Message> inventory;
    private final Duration askTimeout;

    public ActorInventory_BrokenCallerChecksStock(Map<String, Long> initialStock) {
        this(DefaultActorSystem.get(), initialStock, ActorInventory.DEFAULT_ASK_TIMEOUT);
    }

    public ActorInventory_BrokenCallerChecksStock(ActorSystem system, Map<String, Long> initialStock,
                                                  Duration askTimeout) {
        this.askTimeout = Objects.requireNonNull(askTimeout, "askTimeout");
        Stock stock = new Stock(SequentialInventory.copyOfValid(initialStock)); // validated on the caller's thread
        this.inventory = system.spawn("inventory", () -> stock, SupervisionPolicy.RESUME);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        Objects.requireNonNull(request, "request");
        Seen seen = ask(reply -> new Message.Check(request, reply), request.toString());      // check ...
        if (seen.earlier() != null) {
            return seen.earlier();
        }
        PurchaseResult decided = seen.stock() >= request.quantity() ? PurchaseResult.purchased(request)
                : PurchaseResult.outOfStock(request, seen.stock());
        return ask(reply -> new Message.Act(request, decided, reply), request.toString());    // ... then act
    }

    @Override
    public long stock(String product) {
        return ask(reply -> new Message.ReadStock(product, reply), "stock of " + product);
    }

    @Override
    public void restock(String product, long units) {
        this.<Void>ask(reply -> new Message.Restock(product, units, reply), "restock of " + units + " " + product);
    }

    /** Stops the actor after the messages already sent; later calls fail at once. */
    @Override
    public void close() {
        inventory.stop(StopMode.DRAIN);
    }

    private <R> R ask(java.util.function.Function<Reply<R>, Message> message, String what) {
        return Answers.await(inventory.ask(message, askTimeout), what, askTimeout);
    }

    /** The actor's answer to a check: its earlier answer to the same request, or else the stock it sees now. */
    private record Seen(PurchaseResult earlier, long stock) {
    }

    private sealed interface Message extends AwaitsReply {

        record Check(PurchaseRequest request, Reply<Seen> replyTo) implements Message {
        }

        /** Records the caller's decision; if it is a purchase, takes the units, whatever the stock is now. */
        record Act(PurchaseRequest request, PurchaseResult decided, Reply<PurchaseResult> replyTo) implements Message {
        }

        record ReadStock(String product, Reply<Long> replyTo) implements Message {
        }

        record Restock(String product, long units, Reply<Void> replyTo) implements Message {
        }
    }

    /** The actor: the stock and the answers given, touched only by its turns. */
    private static final class Stock implements Behavior<Message> {

        private final Map<String, Long> units;
        private final Map<String, PurchaseRequest> requests = new HashMap<>();
        private final Map<String, PurchaseResult> answers = new HashMap<>();

        Stock(Map<String, Long> units) {
            this.units = units;
        }

        @Override
        public void receive(Message message) {
            try {
                if (message instanceof Message.Check check) {
                    PurchaseResult earlier = earlierAnswer(check.request());
                    check.replyTo().complete(new Seen(earlier, earlier != null ? 0 : stock(check.request().product())));
                } else if (message instanceof Message.Act act) {
                    PurchaseResult earlier = earlierAnswer(act.request());
                    if (earlier != null) {
                        act.replyTo().complete(earlier);
                        return;
                    }
                    String product = act.request().product();
                    units.put(product, stock(product) - act.decided().unitsSold()); // no second look at the stock
                    requests.put(act.request().requestId(), act.request());
                    answers.put(act.request().requestId(), act.decided());
                    act.replyTo().complete(act.decided());
                } else if (message instanceof Message.ReadStock read) {
                    read.replyTo().complete(stock(read.product()));
                } else if (message instanceof Message.Restock restock) {
                    restock(restock.product(), restock.units());
                    restock.replyTo().complete(null);
                }
            } catch (RuntimeException badInput) { // validated before writing: nothing changed
                message.replyTo().fail(badInput);
            }
        }

        private PurchaseResult earlierAnswer(PurchaseRequest request) {
            PurchaseRequest first = requests.get(request.requestId());
            if (first != null && !first.equals(request)) {
                throw new RequestIdConflictException(first, request);
            }
            return answers.get(request.requestId());
        }

        private long stock(String product) {
            Long stock = units.get(product);
            if (stock == null) {
                throw new UnknownProductException(product);
            }
            return stock;
        }

        private void restock(String product, long added) {
            if (added <= 0) {
                throw new IllegalArgumentException("restock needs at least 1 unit, got " + added + " for " + product);
            }
            long current = stock(product);
            if (current > Long.MAX_VALUE - added) {
                throw new StockOverflowException(product, current, added);
            }
            units.put(product, current + added);
        }
    }
}
