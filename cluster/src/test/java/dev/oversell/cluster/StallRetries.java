package dev.oversell.cluster;

import dev.oversell.judge.Finding;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A stall that did not strike tested nothing, so it is tried again rather than judged: the lanes of a round whose
 * {@code pause-owner-mid-purchase} stall did not reach the design's write ({@link Stall#whyNotStruck}; an oversell
 * seen stands and is never retried) run that fault again, on a fresh cluster with only those lanes and the next retry
 * seed, at most {@value #MOST} times. The judge sees, per lane, the attempt that struck; an attempt set aside is a
 * note in the summary. A lane that struck in no attempt is judged on its last one: not checked, with why, and a
 * "never oversells" claim fails on it. Never "held" on a fault that did not test the design.
 */
final class StallRetries {

    /** Retries per round, beyond the round's own attempt. */
    static final int MOST = 2;
    /** A retry's seed: the round's seed plus this, times the retry's number (seeds are drawn below it). */
    static final long SEED_STEP = 1_000_000L;

    /** Runs {@code schedule} on a fresh cluster with only the lanes named. */
    interface Rounds {
        ShardedOwnerFaults.Run run(FaultSchedule schedule, Set<String> lanes) throws Exception;
    }

    private StallRetries() {
    }

    /**
     * Records round {@code round} ({@code first}, seed {@code seed}) into {@code verdicts}, trying again the lanes
     * whose stall did not strike; {@code reproduce} gives the command prefix of a seed (up to
     * {@code -Doversell.cluster.faults=}).
     */
    static void measure(ShardedOwnerFaults.Run first, int round, long seed, Rounds rounds, ClusterVerdicts verdicts,
                        Map<Engine, String> versions, LongFunction<String> reproduce) throws Exception {
        ShardedOwnerFaults.Run attempt = first;
        for (int retry = 0; ; retry++) {
            long attemptSeed = seed + SEED_STEP * retry;
            List<FaultOutcome> notStruck = notStruck(attempt);
            if (notStruck.isEmpty() || retry == MOST) {
                verdicts.measured(attempt, round, retry, versions, reproduce.apply(attemptSeed));
                return;
            }
            verdicts.measured(setAside(attempt, notStruck, retry + 1), round, retry, versions,
                    reproduce.apply(attemptSeed));
            Set<String> lanes = new LinkedHashSet<>();
            notStruck.forEach(o -> lanes.add(o.lane().name()));
            attempt = rounds.run(FaultSchedule.of(seed + SEED_STEP * (retry + 1),
                    List.of(Fault.PAUSE_OWNER_MID_PURCHASE)), lanes);
        }
    }

    /** The outcomes of {@code run} whose stall did not strike and that saw no oversell. */
    static List<FaultOutcome> notStruck(ShardedOwnerFaults.Run run) {
        return run.outcomes().stream().filter(o -> o.stall() != null && o.finding() != Finding.OVERSOLD
                && o.stall().whyNotStruck(o.lane().fenced()).isPresent()).toList();
    }

    /** {@code run} less {@code notStruck}, each named in a note: an attempt that tested nothing, tried again. */
    private static ShardedOwnerFaults.Run setAside(ShardedOwnerFaults.Run run, List<FaultOutcome> notStruck,
                                                   int retry) {
        List<FaultOutcome> kept = new ArrayList<>(run.outcomes());
        kept.removeAll(notStruck);
        List<String> notes = new ArrayList<>(run.notes());
        notStruck.forEach(o -> notes.add(o.fault().product() + ", " + o.lane().name() + ": the fault did not strike ("
                + o.stall().whyNotStruck(o.lane().fenced()).orElseThrow() + "); set aside, and tried again (retry "
                + retry + " of at most " + MOST + "): " + o.line()));
        return new ShardedOwnerFaults.Run(run.schedule(), kept, run.took(), notes);
    }
}
