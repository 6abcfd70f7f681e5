package dev.oversell.redis;

import dev.oversell.design.Claim;
import dev.oversell.design.Design;
import dev.oversell.judge.Relaxation;
import dev.oversell.model.ForwardingInventory;
import dev.oversell.model.Inventory;

import java.util.Map;
import java.util.Objects;

/**
 * A design whose stock lives in Redis, declared once with its claim, the way the catalogue declares every other:
 *
 * <pre>{@code
 * RedisDesign.named("redis-lua-check-and-decrement")
 *         .of(LuaCheckAndDecrement.class, LuaCheckAndDecrement::new)   // (RedisEndpoint, Keyspace)
 *         .claims(Claim.NEVER_OVERSELLS)
 *         .mechanism("one Lua script checks, decrements and records the answer")
 *         .build();
 * }</pre>
 *
 * The claim is for several application servers sharing one Redis: each buyer of a check is an instance of its own
 * over a connection of its own. Like a {@link dev.oversell.design.ClusterDesign}, it is not a
 * {@link Design}: no checker of the JVM's threads (Lincheck, jcstress) can drive it, and the command-level gate
 * of this module judges it, reporting {@link dev.oversell.judge.Observation}s the one
 * {@link dev.oversell.judge.Judge} reads.
 *
 * @param deduplicatesRequestIds whether a request sent twice is applied once, as the {@link Inventory} contract asks;
 *                               a design that declares it does not is not sent the same request twice
 * @param accepts                the weaker contract the design declares it keeps ({@link Relaxation}), or null: held
 *                               to the strict one
 */
public record RedisDesign(String name, Class<? extends Inventory> type, RedisInventoryFactory factory, Claim claim,
                          String mechanism, boolean deduplicatesRequestIds, Relaxation accepts) {

    public RedisDesign {
        Design.checkedName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(mechanism, "mechanism");
        if (claim == Claim.NOT_APPLICABLE) {
            throw new IllegalArgumentException(name + ": a Redis design claims NEVER_OVERSELLS or MAY_OVERSELL");
        }
    }

    public static Builder named(String name) {
        return new Builder(Design.checkedName(name));
    }

    /** One instance at {@code redis} on the store {@code keys}. */
    public Inventory create(RedisEndpoint redis, Keyspace keys) {
        return factory.create(redis, keys);
    }

    /**
     * A fresh store of its own holding {@code initialStock}, and one instance over it, whose {@code close()} also
     * deletes the store's keys: what a check that calls one instance (the conformance sequences) builds.
     */
    public Inventory createWithOwnStore(RedisEndpoint endpoint, Map<String, Long> initialStock) {
        Keyspace keys = Keyspace.fresh();
        var redis = endpoint.client().connect();
        try {
            keys.seed(redis.sync(), initialStock);
        } catch (RuntimeException e) {
            keys.deleteAll(redis.sync());
            redis.close();
            throw e;
        }
        Inventory instance;
        try {
            instance = create(endpoint, keys);
        } catch (RuntimeException e) {
            keys.deleteAll(redis.sync());
            redis.close();
            throw e;
        }
        return new ForwardingInventory(instance) {
            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    keys.deleteAll(redis.sync());
                    redis.close();
                }
            }
        };
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a {@link RedisDesign}; {@link #build()} names whatever is missing. */
    public static final class Builder {
        private final String name;
        private Class<? extends Inventory> type;
        private RedisInventoryFactory factory;
        private Claim claim;
        private String mechanism;
        private boolean deduplicatesRequestIds = true;
        private Relaxation accepts;

        private Builder(String name) {
            this.name = name;
        }

        /** The class, and how to build an instance over a client and the store's keys. */
        public <T extends Inventory> Builder of(Class<T> type, RedisInventoryFactory factory) {
            this.type = Objects.requireNonNull(type, "type");
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** What the design claims with several instances sharing one Redis. */
        public Builder claims(Claim claim) {
            this.claim = claim;
            return this;
        }

        public Builder mechanism(String mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        /** A request sent twice may be applied twice: no check sends the same request twice. */
        public Builder doesNotDeduplicateRequestIds() {
            this.deduplicatesRequestIds = false;
            return this;
        }

        /**
         * The design keeps only the weaker contract {@code relaxation}: the anomaly it allows is still seen and named
         * in each cell, and does not count against its claim; any other anomaly does.
         */
        public Builder accepts(Relaxation relaxation) {
            this.accepts = Objects.requireNonNull(relaxation, "relaxation");
            return this;
        }

        public RedisDesign build() {
            StringBuilder missing = new StringBuilder();
            if (type == null) missing.append(" of(type, factory)");
            if (claim == null) missing.append(" claims(...)");
            if (mechanism == null) missing.append(" mechanism(...)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Redis design " + name + " is missing:" + missing);
            }
            return new RedisDesign(name, type, factory, claim, mechanism, deduplicatesRequestIds, accepts);
        }
    }
}
