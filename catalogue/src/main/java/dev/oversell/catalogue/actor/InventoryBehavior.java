package dev.oversell.catalogue.actor;

import dev.oversell.actor.Behavior;
import dev.oversell.model.Inventory;
import dev.oversell.model.reference.SequentialInventory;


/**
 * The inventory actor's state and handler: an inventory touched only by the actor's own turns, either the
 * {@link SequentialInventory specification} in memory, or a store-backed inventory (the seed's actor in front
 * of its database). Bad input (unknown product, bad restock) or a store error fails the sender's reply with
 * the exception the state threw; it is an answer, not a crash of the actor.
 *
 * <p>The actor runs with {@code RESUME}: the specification validates before it writes, so a failed
 * message leaves no half-written state. {@code RESTART} from the initial stock would be a bug: it would
 * resurrect units already sold, an oversell.
 */
final class InventoryBehavior implements Behavior<InventoryMessage> {

    private final Inventory state;

    InventoryBehavior(Inventory state) {
        this.state = state;
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
        } catch (RuntimeException badInputOrStoreError) { // the state validated before writing: nothing changed
            message.replyTo().fail(badInputOrStoreError);
        }
    }
}
