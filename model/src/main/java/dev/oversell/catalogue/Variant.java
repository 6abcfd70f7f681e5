package dev.oversell.catalogue;

import dev.oversell.model.Inventory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One catalogue entry: a variant's name, its class, how to build it, what it claims per deployment, and
 * how its calls execute (which decides which checkers can drive it).
 */
public record Variant(String name, Class<? extends Inventory> type, InventoryFactory factory,
                      Map<Deployment, Claim> claims, Execution execution, String mechanism) {

    /** How a variant's calls run, as far as a checker that controls threads is concerned. */
    public enum Execution {
        /** Entirely on the calling thread: Lincheck's model checker can explore its interleavings. */
        CALLER_THREAD,
        /** Handed to threads of the variant's own (actor pool, connection); stress-tested, not model-checked. */
        OWN_THREADS
    }

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(mechanism, "mechanism");
        EnumMap<Deployment, Claim> all = new EnumMap<>(Deployment.class);
        all.putAll(claims);
        for (Deployment deployment : Deployment.values()) {
            if (!all.containsKey(deployment)) {
                throw new IllegalArgumentException("variant " + name + " must state a claim for " + deployment);
            }
        }
        claims = Map.copyOf(all);
    }

    public Claim claim(Deployment deployment) {
        return claims.get(deployment);
    }

    public Inventory create(Map<String, Long> initialStock) {
        return factory.create(initialStock);
    }

    @Override
    public String toString() {
        return name;
    }
}
