package dev.oversell.model.actor;

import dev.oversell.actor.Behavior;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;

/**
 * The inventory actor's state and handler: the {@link SequentialInventory specification}, touched only by
 * the actor's own turns. Bad input (unknown product, bad restock) fails the sender's reply with the same
 * exception the specification throws; it is an answer, not a crash of the actor.
 *
 * <p>The actor runs with {@code RESUME}: the specification validates before it writes, so a failed
 * message leaves no half-written state. {@code RESTART} from the initial stock would be a bug: it would
 * resurrect units already sold, an oversell.
 */
final class InventoryBehavior implements Behavior<InventoryMessage> {

    private final SequentialInventory state;

    InventoryBehavior(Map<String, Long> initialStock) {
        this.state = new SequentialInventory(initialStock);
    }

    @Override
    public void receive(InventoryMessage message) {
        try {
            if (message instanceof InventoryMessage.Buy buy) {
                buy.replyTo().complete(state.buy(buy.request()));
            } else if (message instanceof InventoryMessage.ReadStock read) {
                read.replyTo().complete(state.stock(read.product()));
            } else if (message instanceof InventoryMessage.Restock restock) {
                state.restock(restock.product(), restock.units());
                restock.replyTo().complete(null);
            }
        } catch (IllegalArgumentException | ArithmeticException badInput) {
            message.replyTo().fail(badInput);
        }
    }
}
