package dev.oversell.design;

import dev.oversell.model.Inventory;
import dev.oversell.store.Store;

/**
 * Builds one instance (one app server) of a database variant over an existing {@link Store}, which several
 * instances may share. Closing the instance leaves the store alone.
 */
@FunctionalInterface
public interface StoreInventoryFactory {

    Inventory attach(Store store);
}
