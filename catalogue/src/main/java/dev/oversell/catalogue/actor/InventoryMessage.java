package dev.oversell.catalogue.actor;

import dev.oversell.actor.AwaitsReply;
import dev.oversell.actor.Reply;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

/** What the inventory actor understands. Every message carries the reply its sender waits on. */
sealed interface InventoryMessage extends AwaitsReply {

    record Buy(PurchaseRequest request, Reply<PurchaseResult> replyTo) implements InventoryMessage {
    }

    record ReadStock(String product, Reply<Long> replyTo) implements InventoryMessage {
    }

    record Restock(String product, long units, Reply<Void> replyTo) implements InventoryMessage {
    }
}
