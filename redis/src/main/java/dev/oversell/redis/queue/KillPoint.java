package dev.oversell.redis.queue;

/**
 * The program point of a queue design's front between taking a purchase's units in Redis and publishing its order,
 * where the check kills the front: armed for one request id, it throws {@link Killed} there, so that the order is
 * never published and the buyer never answered, as when the front's process dies at that instruction. Every other
 * purchase passes through.
 */
public final class KillPoint {

    /** Nothing armed: every purchase passes. */
    public static final KillPoint NONE = new KillPoint(null);

    private final String armedFor;
    private volatile boolean struck;

    private KillPoint(String armedFor) {
        this.armedFor = armedFor;
    }

    /** A point that kills the front in the purchase of {@code requestId}. */
    public static KillPoint armedFor(String requestId) {
        return new KillPoint(requestId);
    }

    /** Called by the front after its Redis decrement and before its publish. */
    public void between(String requestId) {
        if (armedFor != null && armedFor.equals(requestId) && !struck) {
            struck = true;
            throw new Killed("the front was killed after taking " + requestId + " in Redis and before publishing it");
        }
    }

    /** Whether the front reached the point in the armed purchase and was killed there. */
    public boolean struck() {
        return struck;
    }

    /** The front's death at the point: nothing after it runs, the buyer gets no answer. */
    public static final class Killed extends RuntimeException {
        Killed(String message) {
            super(message);
        }
    }
}
