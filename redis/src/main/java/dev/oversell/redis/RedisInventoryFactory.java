package dev.oversell.redis;

import dev.oversell.model.Inventory;
import io.lettuce.core.RedisClient;

/**
 * Builds one instance of a Redis design (one application server) over {@code client}, on the store whose keys are
 * {@code keys}. Instances built over the same keys share one stock, as servers behind a load balancer share one
 * Redis; the check builds one per buyer, each over a client of its own.
 */
@FunctionalInterface
public interface RedisInventoryFactory {
    Inventory create(RedisClient client, Keyspace keys);
}
