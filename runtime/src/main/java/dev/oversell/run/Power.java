package dev.oversell.run;

import java.util.List;

/**
 * The checks' own test, as one run measured it: a corpus of designs with known bugs, each declared with the claim
 * its author believed ("never oversells"), and correct twins, run through the very suites a project runs. Written to
 * {@code power/power.json} in the run folder, and shown by the report beside the verdicts it qualifies.
 *
 * @param runId    the run this was measured in
 * @param families one row per family of checks
 * @param settings what the corpus was run with ({@link RunSettings}), so that a report made from several run folders
 *                 compares it with the other folders' settings; null in a file written before it was recorded
 * @param units    the units of the corpus's power ({@code power/lincheck, power/jcstress, power/databases}) and those
 *                 this run's shard took ({@link Units})
 */
public record Power(String runId, List<Family> families, RunSettings settings, Units units) {

    /** The folder and file name in the run folder. */
    public static final String FOLDER = "power";
    public static final String FILE = "power.json";

    /**
     * One family's power: {@code caught} of the {@code bugs} it must catch were caught, {@code falseAlarms} of the
     * {@code twins} (correct designs) were flagged; {@code missed} and {@code flagged} name them (design, and where:
     * an engine), and {@code seconds} is what the family's corpus run took.
     */
    public record Family(String family, int caught, int bugs, int falseAlarms, int twins, List<String> missed,
                         List<String> flagged, long seconds) {

        /** {@code Lincheck 24/26, 0 false alarms of 8}. */
        public String line() {
            return family + " " + caught + "/" + bugs + " caught, " + falseAlarms + " false alarm"
                    + (falseAlarms == 1 ? "" : "s") + " of " + twins + " correct twins";
        }
    }
}
