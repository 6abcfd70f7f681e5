package dev.oversell.stress.jcstress;

/**
 * How long a stress run may take, and how many samples a scenario needs before its "held" counts: both sized from
 * what a project registers, so that a project of twenty designs gets every scenario checked, not a budget that ran
 * out on its last designs.
 *
 * <ul>
 *   <li>{@code oversell.jcstress.secondsPerDesign} (default {@value #SECONDS_PER_DESIGN}): the time each design's run
 *       may take, its reruns below the floor included; the whole run's budget is that many seconds per design, plus
 *       as many for the actor runtime's tests. A design's four default scenarios take about 12 s on 2 cores.
 *       {@code oversell.jcstress.budgetSeconds}, when set, is the whole run's budget instead.</li>
 *   <li>{@code oversell.jcstress.minSamples} (default {@value #MIN_SAMPLES}): the floor. A scenario that saw nothing
 *       wrong in fewer samples is run again, longer; still below, it is not checked (a slow design judged "held" on a
 *       few hundred samples is no evidence). An anomaly seen stands whatever the count.</li>
 * </ul>
 */
public final class StressBudget {

    /** Seconds per design by default. */
    public static final int SECONDS_PER_DESIGN = 60;
    /** Samples per scenario below which "held" is not concluded, by default. */
    public static final long MIN_SAMPLES = 20_000;
    /** The longest a rerun below the floor multiplies jcstress's {@code -time} by. */
    static final int MAX_STRETCH = 8;

    private StressBudget() {
    }

    /** The whole run's budget in seconds for {@code designs} designs (and the actor runtime's tests, if run). */
    public static long seconds(int designs, boolean runtime) {
        String whole = System.getProperty("oversell.jcstress.budgetSeconds", "").trim();
        if (!whole.isEmpty()) {
            return Long.parseLong(whole);
        }
        return (long) secondsPerDesign() * (designs + (runtime ? 1 : 0));
    }

    static int secondsPerDesign() {
        return Integer.getInteger("oversell.jcstress.secondsPerDesign", SECONDS_PER_DESIGN);
    }

    /** The floor: samples a scenario needs for a "held" to count. */
    public static long minSamples() {
        return Long.getLong("oversell.jcstress.minSamples", MIN_SAMPLES);
    }

    /**
     * How much longer to run a scenario that gathered {@code samples} to reach the floor: the factor for jcstress's
     * {@code -time}, at most {@value #MAX_STRETCH}.
     */
    static int stretch(long samples) {
        if (samples <= 0) {
            return MAX_STRETCH;
        }
        long factor = (minSamples() * 3 / 2 + samples - 1) / samples; // aim half again above the floor
        return (int) Math.max(2, Math.min(MAX_STRETCH, factor));
    }
}
