package dev.oversell.bench.cluster;

import dev.oversell.bench.IterationCounter;
import dev.oversell.bench.database.HotStore;
import dev.oversell.cluster.Lane;
import dev.oversell.cluster.ShardedOwnerDesign;
import dev.oversell.cluster.NodeLauncher;
import dev.oversell.cluster.RunningCluster;
import dev.oversell.run.RunFolder;
import dev.oversell.engine.Engine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark fork's cluster: the fork's own tables on one engine ({@link HotStore}, the {@code EndlessStock}) and
 * a {@link RunningCluster} of {@value #NODES} node processes whose sharded entity writes through to them, fenced
 * (the lane {@code pekko-sharded-owner-fenced-<engine>}). Started once per fork, before the warm-up (a cluster takes
 * seconds to start and form, which no iteration should time); killed, every node by its pid, and the tables
 * dropped after the fork's last iteration, or in the trial tear-down if a failed run never got there. If the fork
 * itself dies, each node halts when its launcher's pipe ends (see {@code NodeLauncher}).
 *
 * <p>Each iteration starts from an empty purchases table, as the other database benchmarks do. The stock row is
 * left as it is: putting it back would reset the fencing column and fence the running entity out, and the stock
 * never runs out anyway.
 */
@State(Scope.Benchmark)
public class ShardedOwnerCluster {

    /** Nodes in the cluster, as in the fault check. */
    public static final int NODES = 3;

    /**
     * The nodes' JVM options unless {@code -Doversell.cluster.nodeJvmOptions} says otherwise: the fault check's
     * small heap and serial collector, but the JVM's default compilers (the check stops at C1 to start faster; a
     * throughput measurement should run the code a deployed node would run).
     */
    public static final String NODE_JVM_OPTIONS = "-Xmx256m -Xss512k -XX:+UseSerialGC";

    /** The engine: {@code postgresql} or {@code mariadb}. Not H2: the node processes need one server between them. */
    @Param({"postgresql", "mariadb"})
    public String engine;

    private final IterationCounter iterations = new IterationCounter();
    private HotStore store;
    private RunningCluster cluster;
    private String lane;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws IOException, InterruptedException {
        if (System.getProperty(NodeLauncher.JVM_OPTIONS) == null) {
            System.setProperty(NodeLauncher.JVM_OPTIONS, NODE_JVM_OPTIONS);
        }
        store = HotStore.open(engine);
        try {
            Engine server = Engine.ofKey(engine);
            Lane fenced = new Lane(Lane.nameOf(ShardedOwnerDesign.FENCED, server), server, store.store().id(), true);
            Path logs = RunFolder.dir("jmh").resolve("cluster-nodes")
                    .resolve(engine + "-" + params.getThreads() + "-clients");
            cluster = RunningCluster.start(List.of(fenced), NODES, logs, lifetime(params));
            lane = fenced.name();
            System.out.println("[cluster] " + NODES + " nodes up in " + cluster.startedIn().toMillis()
                    + " ms (their JVMs ready after " + cluster.readyIn().toMillis() + " ms): " + cluster.members()
                    + "; their logs in " + logs);
        } catch (IOException | InterruptedException | RuntimeException e) {
            dropStore();
            throw e;
        }
    }

    /** How long the nodes may live: the fork's iterations and two minutes more; then they halt by themselves. */
    private static Duration lifetime(BenchmarkParams params) {
        long millis = length(params.getWarmup().getTime()) * params.getWarmup().getCount()
                + length(params.getMeasurement().getTime()) * params.getMeasurement().getCount();
        return Duration.ofMillis(millis).plusMinutes(2);
    }

    private static long length(TimeValue time) {
        return time.convertTo(TimeUnit.MILLISECONDS);
    }

    /** Empties the purchases table: every iteration starts without the last one's answers. */
    @Setup(Level.Iteration)
    public void emptyPurchases() throws SQLException {
        try (Connection c = store.database().connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("DELETE FROM " + store.store().purchasesTable());
        }
    }

    /** After the fork's last iteration: kills the cluster and drops the tables (see {@link IterationCounter}). */
    @TearDown(Level.Iteration)
    public void afterIteration(BenchmarkParams params) {
        if (iterations.finishedLast(params)) {
            stop();
        }
    }

    /** Kills the cluster and drops the tables if no iteration did (a failed run). */
    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (cluster != null) {
                cluster.close();
                cluster = null;
            }
        } finally {
            dropStore();
        }
    }

    private void dropStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    RunningCluster cluster() {
        return cluster;
    }

    String lane() {
        return lane;
    }
}
