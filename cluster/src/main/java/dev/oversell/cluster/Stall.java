package dev.oversell.cluster;

/**
 * One lane's purchase held at the {@link StallPoint} by the {@link Fault#PAUSE_OWNER_MID_PURCHASE} fault: on which
 * node, what it had read, the incarnation's token, where the entity restarted while that node was paused and after
 * how long, and what the stall point said once the node ran again ({@code resumed}: it saw the pause and went on
 * to its write), if the node still answered.
 */
public record Stall(String node, String requestId, long stockRead, long token, String successor, long downedAfterMillis,
                    boolean soldElsewhere, String afterResume) {

    /** Parses the stall point's {@code <request id>:<stock read>:<token>:<state>}. */
    static Stall of(String node, String report, String successor, long downedAfterMillis, boolean soldElsewhere,
                    String afterResume) {
        String[] parts = report.split(":");
        return new Stall(node, parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), successor,
                downedAfterMillis, soldElsewhere, stateOf(parts[0], afterResume));
    }

    /**
     * Whether the fault struck as designed: the new incarnation sold while this purchase stood still, and the stall
     * point saw its process resumed and went on to the write. If not, the lane proves nothing about a stale write.
     */
    public boolean struckAsDesigned() {
        return soldElsewhere && afterResume.endsWith(" resumed");
    }

    /** This purchase's state in the stall point's report after the resume ("resumed"), or why there is none. */
    private static String stateOf(String requestId, String report) {
        for (String entry : report.split("[ ,]")) {
            if (entry.startsWith(requestId + ":") && entry.endsWith(":resumed")) {
                return "the stall point reported it resumed";
            }
        }
        for (String entry : report.split("[ ,]")) {
            if (entry.startsWith(requestId + ":")) {
                return "the stall point reported it " + entry.substring(entry.lastIndexOf(':') + 1);
            }
        }
        return "no report from the stall point: " + report;
    }
}
