package dev.oversell.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the cluster, as its own JVM process. Arguments: its name, its lifetime in seconds, then one
 * {@link Lane} per argument. It starts its actor system, hosts the sharded {@link ProductEntity} of every lane,
 * opens a {@link BuyerEndpoint} on a free port, and prints {@code READY <cluster port> <endpoint port>} on its
 * standard output; it joins the cluster when told to ({@code JOIN} on its endpoint), so that a node can be started
 * ahead of time and join mid-traffic without a JVM's start-up in the fault's window.
 *
 * <p>It never outlives the one who started it: when its standard input ends (the launcher's end of the pipe closed,
 * the launcher dead, even by SIGKILL) or its lifetime is up, it halts. A line {@code STOP} on its standard input
 * pauses it: it sends SIGSTOP to its own pid (the launcher resumes it with SIGCONT). A graceful leave and a downing by the
 * split-brain resolver end the process too ({@code coordinated-shutdown.exit-jvm}).
 */
public final class ClusterNode {

    static final String SYSTEM = "oversell";
    /** What the launcher writes to a node's standard input to pause it: the node sends itself SIGSTOP. */
    static final String STOP_YOURSELF = "STOP\n";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ClusterNode <name> <lifetime s> <lane>...");
        }
        String name = args[0];
        long lifetimeSeconds = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        haltWhenOrphaned(System.in, Duration.ofSeconds(lifetimeSeconds));

        Map<Engine, Database> databases = new EnumMap<>(Engine.class);
        Map<String, Store> stores = new HashMap<>();
        Map<String, Lane> lanes = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            Lane lane = Lane.parse(args[i]);
            Database database = databases.computeIfAbsent(lane.engine(), DatabaseSettings::open);
            stores.put(lane.name(), Store.existing(database, lane.storeId()));
            lanes.put(lane.name(), lane);
        }

        Config config = ConfigFactory.parseResources("cluster-node.conf").withFallback(ConfigFactory.load());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM, config);
        CoordinatedShutdown.get(system).addJvmShutdownHook(() -> databases.values().forEach(Database::close));
        Address self = Cluster.get(system).selfMember().address();

        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(ProductEntity.TYPE, context -> {
                    String lane = ProductEntity.laneOf(context.getEntityId());
                    return ProductEntity.create(context.getEntityId(), stores.get(lane), lanes.get(lane).fenced(), name);
                })
                .withMessageExtractor(new ByProduct())
                .withEntityProps(DispatcherSelector.fromConfig("oversell.entity-dispatcher")));
        BuyerEndpoint endpoint = BuyerEndpoint.start(system, sharding, name);
        out.println("READY " + self.getPort().get() + " " + endpoint.port());
    }

    /** Joins the cluster: {@code self} forms it, else {@code host:port,...} are the seed nodes (live members). */
    static void join(ActorSystem<?> system, String seeds) {
        Cluster cluster = Cluster.get(system);
        if (seeds.equals("self")) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
            return;
        }
        List<Address> addresses = new ArrayList<>();
        for (String seed : seeds.split(",")) {
            addresses.add(AddressFromURIString.parse("pekko://" + SYSTEM + "@" + seed));
        }
        cluster.manager().tell(new JoinSeedNodes(addresses));
    }

    /** Every lane's entity for product {@code p} in shard {@code p}: one node holds a product for all lanes. */
    private static final class ByProduct
            extends ShardingMessageExtractor<ShardingEnvelope<ProductEntity.Command>, ProductEntity.Command> {

        @Override
        public String entityId(ShardingEnvelope<ProductEntity.Command> envelope) {
            return envelope.entityId();
        }

        @Override
        public String shardId(String entityId) {
            return ProductEntity.shardOf(entityId);
        }

        @Override
        public ProductEntity.Command unwrapMessage(ShardingEnvelope<ProductEntity.Command> envelope) {
            return envelope.message();
        }
    }

    /** SIGSTOP to this process's own pid: no other process can hold it while this one runs. */
    private static void stopMyself() throws java.io.IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-STOP", String.valueOf(ProcessHandle.current().pid()))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        kill.waitFor(); // returns once this process is resumed (SIGCONT)
    }

    /**
     * Halts the JVM when {@code launcher} (this process's standard input) ends, or after {@code lifetime}; stops it
     * (SIGSTOP to its own pid) on each {@code STOP} line the launcher writes.
     */
    private static void haltWhenOrphaned(InputStream launcher, Duration lifetime) {
        Thread watch = new Thread(() -> {
            try {
                java.io.BufferedReader lines = new java.io.BufferedReader(
                        new java.io.InputStreamReader(launcher, StandardCharsets.US_ASCII));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals(STOP_YOURSELF.trim())) {
                        stopMyself();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the pipe broke: the launcher is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.println("[node] the launcher is gone: halting");
            Runtime.getRuntime().halt(3);
        }, "orphan-watch");
        watch.setDaemon(true);
        watch.start();
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(lifetime.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.println("[node] lifetime of " + lifetime.toSeconds() + " s is up: halting");
            Runtime.getRuntime().halt(4);
        }, "lifetime");
        deadline.setDaemon(true);
        deadline.start();
    }
}
