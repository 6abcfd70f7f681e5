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
 * it read before the pause. It waits at most {@link #BOUND}, then goes on and says it was never paused. What that
 * stale write then met is said too ({@link #wrote}): written, refused by the fence, or failed; that, not the resume
 * alone, is the evidence that the fault reached the write the design must guard.
 *
 * <p>Nothing is armed unless the fault runner asks ({@code ARM} on the node's endpoint), so a purchase that is not
 * the fault's passes through untouched. One registry per node process: every entity of the node shares it.
 */
final class StallPoint {

    static final Duration PAUSE_SEEN = Duration.ofSeconds(1);
    static final Duration BOUND = Duration.ofSeconds(60);
    private static final long TICK_MILLIS = 5;

    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    /**
     * Request id to what the stalled purchase read: "stalled" while it waits, then "resumed" or "never-paused", then
     * what its write met ({@link Write}).
     */
    private static final Map<String, String> STALLED = new ConcurrentHashMap<>();
    /** The stalled purchases whose write has not run yet: the next write of each is the stale one. */
    private static final Map<String, String> AWAITING_WRITE = new ConcurrentHashMap<>();

    /** What the stale write met, as the stall point reports it. */
    enum Write {
        /** The write matched its row: the stock it read before the pause is written. */
        WRITTEN("written"),
        /** The engine refused the write: its fencing token is no longer the product's (0 rows). */
        FENCED_OUT("fenced-out"),
        /** It read too little stock to sell: it wrote nothing. */
        OUT_OF_STOCK("out-of-stock"),
        /** The write failed otherwise (the connection closed as the node shut down, say): nothing concluded. */
        FAILED("failed");

        final String word;

        Write(String word) {
            this.word = word;
        }

        static java.util.Optional<Write> of(String word) {
            return java.util.Arrays.stream(values()).filter(w -> w.word.equals(word)).findFirst();
        }
    }

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
                report(requestId, read, "resumed");
                AWAITING_WRITE.put(requestId, read);
                return;
            }
            if (now > deadline) {
                STALLED.put(requestId, read + ":never-paused");
                return;
            }
            last = now;
        }
    }

    /**
     * Called with what the write of purchase {@code requestId} met; reported only for the first write after a stall
     * that saw its process resumed (a retried attempt reads afresh, and is no stale write).
     */
    static void wrote(String requestId, Write outcome) {
        String read = AWAITING_WRITE.remove(requestId);
        if (read != null) {
            report(requestId, read, outcome.word);
        }
    }

    /** Records a state, and prints it to the node's log, which outlives the node (a downed node soon shuts down). */
    private static void report(String requestId, String read, String state) {
        STALLED.put(requestId, read + ":" + state);
        System.out.println("[stall] " + requestId + ":" + read + ":" + state);
    }
}
