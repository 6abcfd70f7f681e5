package dev.oversell.design;

import dev.oversell.model.Inventory;

import java.util.Map;

/** Builds a fresh, independent instance of a design holding {@code initialStock} (product to units). */
@FunctionalInterface
public interface InventoryFactory {

    Inventory create(Map<String, Long> initialStock);
}
