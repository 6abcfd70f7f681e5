package dev.oversell.cluster;

import dev.oversell.design.ClusterDesign;
import dev.oversell.design.Designs;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the judge is handed for the fenced design's lane under {@code pause-owner-mid-purchase}: it counts as tested
 * only if the paused owner's stale write was made after a newer incarnation took the product over and sold, and the
 * fence refused it; anything less is not checked, and the "never oversells" claim fails on it. So does a lane in
 * which nothing sold, and a run whose schedule left that fault out. No cluster is started: the outcomes are written
 * down as the runner would report them.
 */
class ClusterVerdictsTest {

    private static final Lane FENCED = new Lane(Lane.nameOf(ShardedOwnerDesign.FENCED, Engine.POSTGRESQL),
            Engine.POSTGRESQL, "s1", true);

    @Test
    void aFencedLaneWhoseStaleWriteWasRefusedByTheFenceIsTestedAndHolds() {
        ClusterVerdicts verdicts = judged(stall("resumed fenced-out"));
        assertThat(fencedObservation(verdicts).coverage()).isInstanceOf(Coverage.Sampled.class);
        assertThat(verdicts.disagreements()).isEmpty();
    }

    @Test
    void aFencedLaneWhoseStaleWriteWasNeverMadeIsNotChecked() {
        // the stall point saw the resume, then the node shut down before the write: the fence was never reached
        ClusterVerdicts verdicts = judged(stall("resumed"));
        assertThat(fencedObservation(verdicts).coverage()).isInstanceOf(Coverage.NotChecked.class);
        assertThat(((Coverage.NotChecked) fencedObservation(verdicts).coverage()).why()).contains("never made");
        assertThat(verdicts.disagreements()).singleElement().asString().contains("not checked (the fault did not strike");
    }

    @Test
    void aFencedLaneWhoseStaleWriteFailedOtherwiseIsNotChecked() {
        ClusterVerdicts verdicts = judged(stall("resumed failed"));
        assertThat(fencedObservation(verdicts).coverage()).isInstanceOf(Coverage.NotChecked.class);
        assertThat(verdicts.disagreements()).isNotEmpty();
    }

    @Test
    void aFencedLaneWhereNoNewerIncarnationAnsweredBeforeTheResumeIsNotChecked() {
        // the stale write reached the engine, but no takeover was seen before it: it was no stale write yet
        ClusterVerdicts verdicts = judged(new Stall("n0", FAULT.stalledRequestId(FENCED), 40, 1, "n1", 6000, 3, 1,
                "resumed fenced-out"));
        assertThat(fencedObservation(verdicts).coverage()).isInstanceOf(Coverage.NotChecked.class);
        assertThat(verdicts.disagreements()).isNotEmpty();
    }

    @Test
    void aLaneInWhichNoPurchaseSucceededIsNotChecked() {
        ClusterVerdicts verdicts = new ClusterVerdicts(fencedDesign());
        FaultOutcome nothingSold = new FaultOutcome(Fault.KILL_OWNER, FENCED, "killed", null, 40, 0, 0, 40, 120, 60, 0,
                60, 0, true, 0, 0, false, Set.of(), Set.of(), Finding.HELD, 30_000);
        verdicts.measured(new ShardedOwnerFaults.Run(FaultSchedule.of(1, List.of(Fault.KILL_OWNER)),
                List.of(nothingSold), Duration.ofSeconds(30), List.of()), 1, Map.of(), "mvn ... -Doversell.cluster.faults=");
        assertThat(verdicts.observations()).singleElement().extracting(Observation::coverage)
                .isInstanceOf(Coverage.NotChecked.class);
        assertThat(verdicts.disagreements()).isNotEmpty();
    }

    @Test
    void aRunWithoutTheStaleWriteFaultCannotUpholdTheFencedClaim() {
        // -Doversell.cluster.faults=kill-owner: the fence was never reached, whatever the kill showed
        ClusterVerdicts verdicts = new ClusterVerdicts(fencedDesign());
        FaultOutcome held = new FaultOutcome(Fault.KILL_OWNER, FENCED, "killed", null, 62, 60, 2, 0, 3, 60, 60, 0, 0,
                true, 0, 0, true, Set.of(1L, 2L), Set.of("n0", "n1"), Finding.HELD, 20_000);
        verdicts.measured(new ShardedOwnerFaults.Run(FaultSchedule.of(1, List.of(Fault.KILL_OWNER)), List.of(held),
                Duration.ofSeconds(30), List.of()), 1, Map.of(), "mvn ... -Doversell.cluster.faults=");
        verdicts.staleWriteNotTried(List.of(Engine.POSTGRESQL), "mvn ... -Doversell.cluster.seed=1");
        assertThat(verdicts.disagreements()).singleElement().asString()
                .contains("pause-owner-mid-purchase was in no schedule of this run");
    }

    private static List<ClusterDesign> fencedDesign() {
        return Designs.clustered().stream()
                .filter(d -> d.name().equals(ShardedOwnerDesign.FENCED.designName())).toList();
    }

    private static final Fault FAULT = Fault.PAUSE_OWNER_MID_PURCHASE;

    /** The fenced lane's stall: token 1, a newer incarnation (token 2) answered 3 purchases before the resume. */
    private static Stall stall(String states) {
        return new Stall("n0", FAULT.stalledRequestId(FENCED), 40, 1, "n1", 6000, 3, 2, states);
    }

    private static ClusterVerdicts judged(Stall stall) {
        ClusterVerdicts verdicts = new ClusterVerdicts(fencedDesign());
        FaultOutcome held = new FaultOutcome(FAULT, FENCED, "paused mid-purchase", stall, 62, 60, 2, 0, 3, 60, 60, 0, 0,
                true, 0, 0, true, Set.of(1L, 2L), Set.of("n0", "n1"), Finding.HELD, 20_000);
        verdicts.measured(new ShardedOwnerFaults.Run(FaultSchedule.of(1, List.of(FAULT)), List.of(held),
                Duration.ofSeconds(30), List.of()), 1, Map.of(), "mvn ... -Doversell.cluster.faults=");
        return verdicts;
    }

    private static Observation fencedObservation(ClusterVerdicts verdicts) {
        return verdicts.observations().stream().filter(o -> o.cell().equals(FAULT.product())).findFirst().orElseThrow();
    }
}
