package dev.oversell.redis;

import dev.oversell.model.Inventory;

/**
 * Builds one instance of a Redis design (one application server) at {@code redis}, on the store whose keys are
 * {@code keys}. Instances built over the same keys share one stock, as servers behind a load balancer share one
 * Redis; the check builds one per buyer, each at an endpoint of its own.
 */
@FunctionalInterface
public interface RedisInventoryFactory {
    Inventory create(RedisEndpoint redis, Keyspace keys);
}
