package dev.oversell.model.actor;

import dev.oversell.actor.ActorSystem;

/**
 * The process-wide actor system that actor variants use when none is given: one pool of daemon threads,
 * shared by every inventory actor, so that test harnesses that build thousands of inventories (jcstress,
 * Lincheck) do not build thousands of pools.
 */
public final class DefaultActorSystem {

    private DefaultActorSystem() {
    }

    private static final class Holder {
        static final ActorSystem SYSTEM =
                new ActorSystem("oversell-actors", Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public static ActorSystem get() {
        return Holder.SYSTEM;
    }
}
