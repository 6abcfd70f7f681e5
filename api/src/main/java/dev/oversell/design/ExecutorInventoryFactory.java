package dev.oversell.design;

import dev.oversell.model.Inventory;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Builds a fresh instance of a design that runs its calls on {@code executor}, holding {@code initialStock}
 * (product to units): typically the design's own constructor, {@code MyDesign::new}. The executor is the check's:
 * the design may shut it down on {@code close()}, and the check shuts it down after that in any case.
 */
@FunctionalInterface
public interface ExecutorInventoryFactory {

    Inventory create(Map<String, Long> initialStock, ExecutorService executor);
}
