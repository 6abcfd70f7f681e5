package dev.oversell.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One lane's purchase held at the {@link StallPoint} by the {@link Fault#PAUSE_OWNER_MID_PURCHASE} fault: on which
 * node, what it had read, the incarnation's token, where the entity restarted while that node was paused and after
 * how long, what the lane's buyers were answered while it stood (how many purchases, the newest token), and what
 * the stall point reported once the node ran again ({@code states}: {@code resumed}, then what the stale write met:
 * {@code written}, {@code fenced-out}, {@code out-of-stock} or {@code failed}; space-separated).
 *
 * <p>The fault tested the design only if {@link #whyNotStruck} is empty: a newer incarnation took the product over
 * and sold while the purchase stood, and then the purchase's stale write reached the engine, which refused it
 * (fenced) or wrote it (unfenced). "Resumed" alone is not that: a node that shuts down before the write, or a write
 * that failed on its way, tested nothing.
 *
 * @param answeredWhileStalled purchases of this lane answered between the pause and the resume (by the new
 *                             incarnation: the paused one's entity was held at the stall point)
 * @param newestTokenBeforeResume the highest fencing token those answers carried (0: none answered)
 */
public record Stall(String node, String requestId, long stockRead, long token, String successor, long downedAfterMillis,
                    int answeredWhileStalled, long newestTokenBeforeResume, String states) {

    /**
     * Parses the stall point's {@code <request id>:<stock read>:<token>:stalled} report, with this request's later
     * states found in {@code reports} ({@code <request id>:<read>:<token>:<state>} entries, space- or
     * comma-separated: the node's log, its endpoint's answer).
     */
    static Stall of(String node, String report, String successor, long downedAfterMillis, int answeredWhileStalled,
                    long newestTokenBeforeResume, String reports) {
        String[] parts = report.split(":");
        return new Stall(node, parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), successor,
                downedAfterMillis, answeredWhileStalled, newestTokenBeforeResume, statesOf(parts[0], reports));
    }

    /** True if the stall point saw its process paused and resumed, and let the purchase go on to its write. */
    public boolean resumed() {
        return List.of(states.split(" ")).contains("resumed");
    }

    /** What the stale write met, if the stall point reported it. */
    public Optional<StallPoint.Write> write() {
        return List.of(states.split(" ")).stream().map(StallPoint.Write::of).flatMap(Optional::stream).findFirst();
    }

    /**
     * Why this stall did not test what the fault is for, in a {@code fenced} lane or not; empty if it did: a newer
     * incarnation answered at least {@link ShardedOwnerFaults#SOLD_ELSEWHERE_BEFORE_RESUME} purchases of this lane
     * while the purchase stood, then the purchase's stale write reached the engine and was refused by the fence
     * (fenced) or written (unfenced).
     */
    public Optional<String> whyNotStruck(boolean fenced) {
        int soldElsewhere = ShardedOwnerFaults.SOLD_ELSEWHERE_BEFORE_RESUME;
        List<String> why = new ArrayList<>();
        if (newestTokenBeforeResume <= token) {
            why.add("no newer incarnation answered before the resume (newest token answered " + newestTokenBeforeResume
                    + ", the stalled purchase's " + token + ")");
        }
        if (answeredWhileStalled < soldElsewhere) {
            why.add("the new incarnation answered " + answeredWhileStalled + " purchases while the purchase stood, fewer"
                    + " than " + soldElsewhere);
        }
        if (!resumed()) {
            why.add("the stall point never saw its process paused and resumed (" + describedStates() + ")");
        } else {
            StallPoint.Write expected = fenced ? StallPoint.Write.FENCED_OUT : StallPoint.Write.WRITTEN;
            Optional<StallPoint.Write> write = write();
            if (write.isEmpty()) {
                why.add("the stale write was never made (the stall point reported " + describedStates()
                        + "; the node shut down first, most likely)");
            } else if (write.get() != expected) {
                why.add("the stale write was " + write.get().word + ", not " + expected.word);
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    private String describedStates() {
        return states.isBlank() ? "nothing after the stall" : states;
    }

    /** This purchase's states after the stall, in the order reported, space-separated. */
    private static String statesOf(String requestId, String reports) {
        List<String> states = new ArrayList<>();
        for (String entry : reports.split("[ ,]")) {
            if (entry.startsWith(requestId + ":")) {
                String state = entry.substring(entry.lastIndexOf(':') + 1);
                if (!state.equals("stalled") && !states.contains(state)) {
                    states.add(state);
                }
            }
        }
        return String.join(" ", states);
    }
}
