package dev.oversell.cluster;

import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGSTOP and SIGCONT reach only a node the launcher started and still holds a live handle for: a node pauses itself
 * when its launcher asks through its pipe, and is resumed only while it is stopped, by a pid still held by the
 * process that started then. A process the launcher did not start, a node that has ended, and a pid whose holder is
 * not the node's process are refused, and nothing is signalled. One node, on a lane over H2 (it never buys).
 */
class NodeLauncherTest {

    private static final List<Lane> LANES = List.of(new Lane("signals", Engine.H2, "s1", true));

    @Test
    void pausesANodeItStartedAndResumesIt() throws Exception {
        try (NodeLauncher launcher = launcher("pause")) {
            NodeLauncher.Node node = launcher.start("n0");
            launcher.pause(node);
            assertThat(state(node.pid())).as("the node's state once paused").isEqualTo("T");
            launcher.resume(node);
            assertThat(state(node.pid())).as("the node's state once resumed").isNotEqualTo("T");
        }
    }

    @Test
    void neverSignalsAProcessItDidNotStart() throws Exception {
        Process innocent = new ProcessBuilder("sleep", "60").start();
        try (NodeLauncher launcher = launcher("not-started")) {
            NodeLauncher.Node stranger = new NodeLauncher.Node("stranger", innocent,
                    innocent.toHandle().info().startInstant().orElseThrow(), 1, 1, Path.of("none"));
            assertThatThrownBy(() -> launcher.pause(stranger)).hasMessageContaining("did not start it");
            assertThatThrownBy(() -> launcher.resume(stranger)).hasMessageContaining("did not start it");
            assertThat(state(innocent.pid())).as("the process the launcher did not start").isNotEqualTo("T");
        } finally {
            innocent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void neverSignalsANodeThatEndedOrWhosePidIsHeldByAnotherProcess() throws Exception {
        try (NodeLauncher launcher = launcher("ended")) {
            NodeLauncher.Node node = launcher.start("n0");
            // the same handle, but the pid's holder started at another time: the pid was given to another process
            NodeLauncher.Node reused = new NodeLauncher.Node(node.name(), node.process(),
                    node.startedAt().minusSeconds(1), node.clusterPort(), node.endpointPort(), node.log());
            assertThatThrownBy(() -> launcher.pause(reused)).hasMessageContaining("has ended");
            assertThat(state(node.pid())).isNotEqualTo("T");
            launcher.kill(node);
            assertThatThrownBy(() -> launcher.pause(node)).hasMessageContaining("has ended");
            assertThatThrownBy(() -> launcher.resume(node)).hasMessageContaining("has ended");
        }
    }

    private static NodeLauncher launcher(String test) throws Exception {
        return new NodeLauncher(LANES, Path.of("target", "node-launcher-test", test), Duration.ofMinutes(2));
    }

    /** The process's state in /proc (T: stopped), or "gone". */
    private static String state(long pid) throws Exception {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) {
            return "gone";
        }
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
    }
}
