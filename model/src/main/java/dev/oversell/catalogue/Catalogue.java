package dev.oversell.catalogue;

import dev.oversell.model.actor.ActorInventory;
import dev.oversell.model.actor.SeedFlowActorInventory;
import dev.oversell.model.lock.SynchronizedInventory;
import dev.oversell.model.naive.CheckThenActInventory_BrokenUnsynchronized;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static dev.oversell.catalogue.Claim.MAY_OVERSELL;
import static dev.oversell.catalogue.Claim.NEVER_OVERSELLS;
import static dev.oversell.catalogue.Claim.NOT_APPLICABLE;
import static dev.oversell.catalogue.Deployment.SHARED_STORE;
import static dev.oversell.catalogue.Deployment.SINGLE_INSTANCE;
import static dev.oversell.catalogue.Variant.Execution.CALLER_THREAD;
import static dev.oversell.catalogue.Variant.Execution.OWN_THREADS;

/**
 * The only list of variants. Every suite (conformance, Lincheck, jcstress, the report) reads it; adding a
 * variant is one class plus one entry here, and {@code CatalogueCompletenessTest} fails if a variant class
 * exists that this list does not name.
 *
 * <p>A claim is what the variant's author asserts; the suites measure it and fail the build on a mismatch.
 * Nothing here is a verdict.
 */
public final class Catalogue {

    private Catalogue() {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("naive", CheckThenActInventory_BrokenUnsynchronized.class,
                    CheckThenActInventory_BrokenUnsynchronized::new,
                    Map.of(SINGLE_INSTANCE, MAY_OVERSELL, SHARED_STORE, NOT_APPLICABLE), CALLER_THREAD,
                    "check-then-act, no coordination"),
            new Variant("synchronized", SynchronizedInventory.class, SynchronizedInventory::new,
                    Map.of(SINGLE_INSTANCE, NEVER_OVERSELLS, SHARED_STORE, NOT_APPLICABLE), CALLER_THREAD,
                    "one JVM monitor around every call"),
            new Variant("actor", ActorInventory.class, ActorInventory::new,
                    Map.of(SINGLE_INSTANCE, NEVER_OVERSELLS, SHARED_STORE, NOT_APPLICABLE), OWN_THREADS,
                    "one actor owns the stock, one message at a time"),
            new Variant("seed-flow", SeedFlowActorInventory.class, SeedFlowActorInventory::new,
                    Map.of(SINGLE_INSTANCE, NEVER_OVERSELLS, SHARED_STORE, NOT_APPLICABLE), OWN_THREADS,
                    "buyer -> purchase actor -> inventory actor -> buyer")
    );

    public static List<Variant> all() {
        return VARIANTS;
    }

    public static Variant byName(String name) {
        return VARIANTS.stream().filter(variant -> variant.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no variant named '" + name + "' in the catalogue; known: "
                        + VARIANTS.stream().map(Variant::name).toList()));
    }
}
