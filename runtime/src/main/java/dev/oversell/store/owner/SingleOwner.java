package dev.oversell.store.owner;

import dev.oversell.model.Inventory;

/**
 * An inventory in which each product has one owner among the instances sharing a store, and the owner runs every
 * purchase of it as {@link OwnedReadModifyWrite}. The deployment suite checks such a design's ownership hand-over
 * (the old owner finishing a purchase while the new one claims the product) with the same script, fenced as the
 * design says.
 */
public interface SingleOwner extends Inventory {

    /** True if every write carries the owner's fencing token, so that an owner that lost the product writes nothing. */
    boolean fenced();
}
