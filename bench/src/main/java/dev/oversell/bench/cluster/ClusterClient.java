package dev.oversell.bench.cluster;

import dev.oversell.cluster.ClusterBuyer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One benchmark thread's connections to the cluster: a {@link ClusterBuyer} that sends its purchases to the nodes
 * in turn, each thread starting on a different node, so that the clients together spread over every node whatever
 * their number.
 */
@State(Scope.Thread)
public class ClusterClient {

    private ClusterBuyer buyer;
    private String lane;

    @Setup(Level.Trial)
    public void connect(ShardedOwnerCluster cluster, ThreadParams thread) {
        buyer = cluster.cluster().buyer(thread.getThreadIndex());
        lane = cluster.lane();
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        if (buyer != null) {
            buyer.close();
        }
    }

    ClusterBuyer buyer() {
        return buyer;
    }

    String lane() {
        return lane;
    }
}
