package dev.oversell.cluster;

import dev.oversell.properties.database.Engines;
import dev.oversell.store.Database;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A round that runs out of time ends every node process it started before it gives up: none outlives it, whatever
 * the round was doing. Here the bound lands while the nodes start or form the cluster (on a fast machine, early in
 * the {@code pause-owner} phase); a round left to unwind by itself
 * (JUnit's preemptive time-out, the bound before) still had all 3 nodes alive when the failure was reported. One
 * fenced lane on PostgreSQL; about 20 s.
 */
class RoundOutOfTimeTest {

    /**
     * Short of any round's end on any machine: the nodes are launched in the round's first second, and the phase
     * alone outlasts it (the fault strikes some 3 s in, then the downing takes 6 s), before the cluster's start is
     * even counted. An 18 s bound, aimed at the phase, was outrun by a round on a quiet machine (clean-clone CI,
     * 2026-12-07): a bound that can be outrun makes the test depend on the machine's speed.
     */
    static final Duration BOUND = Duration.ofSeconds(8);

    @Test
    void noNodeOutlivesARoundThatRanOutOfTime() throws Exception {
        Database postgresql;
        try {
            postgresql = Engines.open(Engine.POSTGRESQL);
        } catch (StoreException unreachable) {
            if (Engines.required()) {
                fail("PostgreSQL is required (CI=true) but unreachable: " + unreachable.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable: " + unreachable.getMessage());
            return;
        }
        try (Store store = Store.create(postgresql, Map.of(Fault.PAUSE_OWNER.product(), 60L))) {
            Map<Lane, Store> lanes = Map.of(new Lane("out-of-time", Engine.POSTGRESQL, store.id(), true), store);
            assertThatThrownBy(() -> ShardedOwnerFaults.run(lanes, FaultSchedule.of(1, List.of(Fault.PAUSE_OWNER)),
                    Path.of("target", "round-out-of-time"), System.out, BOUND))
                    .isInstanceOf(ShardedOwnerFaults.RoundOutOfTime.class);
            assertThat(clusterNodesAlive()).as("cluster nodes alive after the round ran out of time").isEmpty();
        } finally {
            Engines.closeAll();
        }
    }

    /**
     * This JVM's descendants that run a {@link ClusterNode}, alive. Their command line is read whole from /proc: the
     * JDK's {@code ProcessHandle.Info} cuts it at 4,096 characters, well before the class name after the class path.
     */
    static List<String> clusterNodesAlive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> commandLine(h).contains(ClusterNode.class.getName()))
                .map(h -> "pid " + h.pid()).toList();
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
