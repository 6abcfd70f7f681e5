package dev.oversell.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The program point where the fault runner places its fault, the way Jepsen and Lincheck place one: between a
 * purchase's read of the stock and its write. A purchase whose request id was {@linkplain #arm armed} on this node
 * stops there, says so ({@link #stalled()}: its request id, the stock it read, its entity's token), and waits until
 * its own process has been paused and resumed (SIGSTOP, then SIGCONT: a long GC pause, a frozen VM), which it sees
 * as a jump of more than {@link #PAUSE_SEEN} in its own monotonic clock; then the purchase goes on and writes what
 * it read before the pause. It waits at most {@link #BOUND}, then goes on and says it was never paused.
 *
 * <p>Nothing is armed unless the fault runner asks ({@code ARM} on the node's endpoint), so a purchase that is not
 * the fault's passes through untouched. One registry per node process: every entity of the node shares it.
 */
final class StallPoint {

    static final Duration PAUSE_SEEN = Duration.ofSeconds(1);
    static final Duration BOUND = Duration.ofSeconds(60);
    private static final long TICK_MILLIS = 5;

    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    /** Request id to what the stalled purchase read: "stalled" while it waits, then "resumed" or "never paused". */
    private static final Map<String, String> STALLED = new ConcurrentHashMap<>();

    private StallPoint() {
    }

    /** The purchases with these request ids will stall between their read and their write. */
    static void arm(Iterable<String> requestIds) {
        requestIds.forEach(ARMED::add);
    }

    /** The stalled purchases, one {@code <request id>:<stock read>:<token>:<state>} each, sorted. */
    static String stalled() {
        return STALLED.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).sorted()
                .collect(Collectors.joining(","));
    }

    /**
     * Called by a purchase between its read ({@code stockRead}) and its write: stalls it if its request id is
     * armed, until the process was paused and resumed (or {@link #BOUND}).
     */
    static void reached(String requestId, long stockRead, long token) {
        if (!ARMED.remove(requestId)) {
            return;
        }
        String read = stockRead + ":" + token;
        STALLED.put(requestId, read + ":stalled");
        long deadline = System.nanoTime() + BOUND.toNanos();
        long last = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                STALLED.put(requestId, read + ":interrupted");
                return;
            }
            long now = System.nanoTime();
            if (now - last > PAUSE_SEEN.toNanos()) {
                STALLED.put(requestId, read + ":resumed");
                // also in the node's log, which outlives the node (a downed node shuts down soon after it resumes)
                System.out.println("[stall] " + requestId + ":" + read + ":resumed");
                return;
            }
            if (now > deadline) {
                STALLED.put(requestId, read + ":never-paused");
                return;
            }
            last = now;
        }
    }
}
