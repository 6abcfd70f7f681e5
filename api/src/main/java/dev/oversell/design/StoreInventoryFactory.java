package dev.oversell.design;

import dev.oversell.model.Inventory;

/**
 * Builds one instance (one app server) of a database design over an existing store of Oversell's tables, of the
 * runtime's type {@code S} ({@code dev.oversell.store.Store}), which several instances may share. Closing the
 * instance leaves the store alone.
 */
@FunctionalInterface
public interface StoreInventoryFactory<S> {

    Inventory attach(S store);
}
