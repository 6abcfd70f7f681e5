package dev.oversell.cluster;

import dev.oversell.design.ClusterDesign;
import dev.oversell.design.Designs;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fenced lane whose stall did not strike is tried again, on its own, and judged on the attempt that struck; one
 * that struck in no attempt is not checked and fails the claim; one that struck is not tried again. No cluster is
 * started: the attempts are written down as the runner would report them.
 */
class StallRetriesTest {

    private static final Fault FAULT = Fault.PAUSE_OWNER_MID_PURCHASE;
    private static final Lane FENCED = new Lane(Lane.nameOf(ShardedOwnerDesign.FENCED, Engine.POSTGRESQL),
            Engine.POSTGRESQL, "s1", true);
    /** The stall point's reports: resumed, the node shut down before the write; resumed, the write refused. */
    private static final String NOT_STRUCK = "resumed";
    private static final String STRUCK = "resumed fenced-out";

    @Test
    void aLaneWhoseStallDidNotStrikeIsTriedAgainAndJudgedOnTheAttemptThatStruck() throws Exception {
        List<Set<String>> retried = new ArrayList<>();
        ClusterVerdicts verdicts = verdicts();
        StallRetries.measure(run(NOT_STRUCK), 1, 7, (schedule, lanes) -> {
            retried.add(lanes);
            return run(STRUCK);
        }, verdicts, Map.of(), s -> "reproduce " + s + " ");
        assertThat(retried).containsExactly(Set.of(FENCED.name()));
        assertThat(verdicts.observations()).singleElement().satisfies(o -> {
            assertThat(o.cell()).isEqualTo(FAULT.product() + ", retry 1");
            assertThat(o.coverage()).isInstanceOf(Coverage.Sampled.class);
        });
        assertThat(verdicts.disagreements()).isEmpty();
    }

    @Test
    void aLaneThatStruckInNoAttemptIsNotCheckedAndFailsTheClaim() throws Exception {
        List<Set<String>> retried = new ArrayList<>();
        ClusterVerdicts verdicts = verdicts();
        StallRetries.measure(run(NOT_STRUCK), 1, 7, (schedule, lanes) -> {
            retried.add(lanes);
            return run(NOT_STRUCK);
        }, verdicts, Map.of(), s -> "reproduce " + s + " ");
        assertThat(retried).hasSize(StallRetries.MOST);
        assertThat(verdicts.observations()).singleElement().extracting(Observation::coverage)
                .isInstanceOf(Coverage.NotChecked.class);
        assertThat(verdicts.disagreements()).singleElement().asString().contains("not checked");
    }

    @Test
    void aLaneWhoseStallStruckIsNotTriedAgain() throws Exception {
        ClusterVerdicts verdicts = verdicts();
        StallRetries.measure(run(STRUCK), 1, 7, (schedule, lanes) -> {
            throw new AssertionError("tried again: " + lanes);
        }, verdicts, Map.of(), s -> "reproduce " + s + " ");
        assertThat(verdicts.disagreements()).isEmpty();
    }

    private static ClusterVerdicts verdicts() {
        List<ClusterDesign> fenced = Designs.clustered().stream()
                .filter(d -> d.name().equals(ShardedOwnerDesign.FENCED.designName())).toList();
        return new ClusterVerdicts(fenced);
    }

    /** One attempt of the fenced lane, its accounts held, its stall point having reported {@code states}. */
    private static ShardedOwnerFaults.Run run(String states) {
        Stall stall = new Stall("n0", FAULT.stalledRequestId(FENCED), 40, 1, "n1", 6000, 3, 2, states);
        FaultOutcome held = new FaultOutcome(FAULT, FENCED, "paused mid-purchase", stall, 62, 60, 2, 0, 3, 60, 60, 0, 0,
                true, 0, 0, true, Set.of(1L, 2L), Set.of("n0", "n1"), Finding.HELD, 20_000);
        return new ShardedOwnerFaults.Run(FaultSchedule.of(1, List.of(FAULT)), List.of(held), Duration.ofSeconds(30),
                List.of());
    }
}
