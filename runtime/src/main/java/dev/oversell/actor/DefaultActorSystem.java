package dev.oversell.actor;


/**
 * The process-wide actor system that actor designs use when none is given, shared by every inventory actor so
 * that test harnesses that build thousands of inventories (jcstress, Lincheck) do not build thousands of pools.
 *
 * <p>By default its turns run on one pool of daemon threads. With {@code -Doversell.actors.executor=calling-thread}
 * they run on the thread that sent the message that woke the actor (Akka's and Pekko's "calling thread
 * dispatcher"): the mailbox still runs one turn at a time (its scheduling flag, not the executor, guarantees
 * that), but an answer needs no hand-over between threads. The jcstress run uses it so that an actor design's
 * samples are counted in millions, like a monitor's, rather than in thousands; the pool's own hand-overs are
 * checked by the actor runtime's tests (jcstress and Lincheck) and by every other suite.
 */
public final class DefaultActorSystem {

    /** The system property that chooses the executor: {@code pool} (default) or {@code calling-thread}. */
    public static final String EXECUTOR_PROPERTY = "oversell.actors.executor";

    private DefaultActorSystem() {
    }

    private static final class Holder {
        static final ActorSystem SYSTEM = create(System.getProperty(EXECUTOR_PROPERTY, "pool"), "oversell-actors");

        private static ActorSystem create(String executor, String name) {
            return switch (executor) {
                case "pool" -> new ActorSystem(name, Math.max(2, Runtime.getRuntime().availableProcessors()));
                case "calling-thread" -> new ActorSystem(name + "-calling-thread", Runnable::run);
                default -> throw new IllegalArgumentException("-D" + EXECUTOR_PROPERTY + " must be pool or"
                        + " calling-thread, got '" + executor + "'");
            };
        }
    }

    public static ActorSystem get() {
        return Holder.SYSTEM;
    }

    private static final class ForStores {
        static final ActorSystem SYSTEM = Holder.create(System.getProperty(EXECUTOR_PROPERTY, "pool"), "oversell-store-actors")
                .carryingSendersContext();
    }

    /**
     * The process-wide system of the actors that work for callers over a database (an actor service, a single
     * owner): on the same executor as {@link #get()}, but each message carries the sender's context
     * ({@link ActorSystem#carryingSendersContext()}), so that a statement an actor sends for a caller is seen as
     * the caller's (Oversell's statement gate schedules it as that caller's transaction; a tracing context
     * follows it alike). The in-memory actor designs keep {@link #get()}, whose messages carry nothing.
     */
    public static ActorSystem forStores() {
        ActorSystem own = STORES_HERE.get();
        return own != null ? own : ForStores.SYSTEM;
    }

    /**
     * The store actors' system a harness gave the code on this thread and on the threads it starts
     * ({@link #withStoreActorsOfTheirOwn}); null: the process-wide one.
     */
    private static final InheritableThreadLocal<ActorSystem> STORES_HERE = new InheritableThreadLocal<>();

    /**
     * Runs {@code work} with a system of store actors of its own ({@link #forStores()} on this thread and on every
     * thread it starts), on the same kind of executor as the process-wide one, and closes it after. For a harness that
     * runs several application instances in one JVM at once, as separate processes would run them: each with a pool
     * of its own. Oversell's database suite gives one to each server's lane; on one shared pool of two threads, an
     * actor's message of one lane waited behind another lane's turns, which wait for their own lane's gate, and a
     * lane's gate cannot tell a message queued behind its own busy actor from one no thread has taken yet (a plan of
     * {@code db-single-owner-actor} stopped after 20 s in 4 of 6 runs of that design alone, none of 4 with the lanes
     * one after the other).
     */
    public static void withStoreActorsOfTheirOwn(String name, Runnable work) {
        ActorSystem own = Holder.create(System.getProperty(EXECUTOR_PROPERTY, "pool"), "oversell-store-actors-" + name)
                .carryingSendersContext();
        STORES_HERE.set(own);
        try {
            work.run();
        } finally {
            STORES_HERE.remove();
            own.close();
        }
    }
}
