package dev.oversell.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * A healthy cluster of {@link ClusterNode} processes hosting some {@link Lane}s, formed and agreed on its members,
 * for code that only sends purchases to it (a benchmark): started in one call, ended in {@link #close()}. It
 * injects no fault; {@link ShardedOwnerFaults} is the runner that does.
 *
 * <p>Every node is started by one {@link NodeLauncher} and ended by it, by its process handle, on every way out:
 * {@link #close()}, a failed start (the nodes already up are killed before the failure is thrown), the JVM's
 * shutdown hook, and,
 * should this JVM be killed outright, each node itself (it halts when the launcher's pipe ends, or when its
 * lifetime is up).
 */
public final class RunningCluster implements AutoCloseable {

    /** How long the members may take to agree on who is up. */
    static final Duration MEMBERSHIP_BOUND = Duration.ofSeconds(40);

    private final NodeLauncher launcher;
    private final List<NodeLauncher.Node> members;
    private final Duration readyIn;
    private final Duration startedIn;

    private RunningCluster(NodeLauncher launcher, List<NodeLauncher.Node> members, Duration readyIn,
                           Duration startedIn) {
        this.launcher = launcher;
        this.members = List.copyOf(members);
        this.readyIn = readyIn;
        this.startedIn = startedIn;
    }

    /**
     * Starts {@code nodes} node processes hosting {@code lanes} (node logs in {@code logs}; each node halts by
     * itself after {@code lifetime}), the first forming the cluster and the others joining it through it, and
     * returns once every member sees every member up.
     */
    public static RunningCluster start(List<Lane> lanes, int nodes, Path logs, Duration lifetime)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        NodeLauncher launcher = new NodeLauncher(lanes, logs, lifetime);
        try {
            List<NodeLauncher.Node> started = startAll(launcher,
                    java.util.stream.IntStream.range(0, nodes).mapToObj(i -> "n" + i).toList());
            Duration readyIn = Duration.ofNanos(System.nanoTime() - start);
            join(started.get(0), "self");
            awaitMembers(started.subList(0, 1));
            String seed = "127.0.0.1:" + started.get(0).clusterPort();
            for (NodeLauncher.Node node : started.subList(1, started.size())) {
                join(node, seed);
            }
            awaitMembers(started);
            return new RunningCluster(launcher, started, readyIn, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | InterruptedException | RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    /** The members, in the order they were started. */
    public List<NodeLauncher.Node> members() {
        return members;
    }

    /** From the first node's start to the last node's READY (its JVM and actor system started, not yet joined). */
    public Duration readyIn() {
        return readyIn;
    }

    /** From the first node's start to every member seeing every member up. */
    public Duration startedIn() {
        return startedIn;
    }

    /** A buyer of its own, sending its purchases to the members in turn, starting with member {@code first}. */
    public ClusterBuyer buyer(int first) {
        return new ClusterBuyer(members.stream().map(NodeLauncher.Node::endpointPort).toList(), first);
    }

    /** Kills every node (SIGKILL, by its process handle, with its descendants) and waits for each to be gone; fails if one is not. */
    @Override
    public void close() {
        launcher.close();
    }

    /** Starts a node process per name at once, and returns them once each is READY (started, not yet joined). */
    static List<NodeLauncher.Node> startAll(NodeLauncher launcher, List<String> names) throws InterruptedException {
        ExecutorService starter = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<NodeLauncher.Node>> starting = new ArrayList<>();
            for (String name : names) {
                starting.add(starter.submit(() -> launcher.start(name)));
            }
            List<NodeLauncher.Node> nodes = new ArrayList<>();
            for (Future<NodeLauncher.Node> f : starting) {
                nodes.add(f.get());
            }
            return nodes;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a node did not start: " + e.getCause().getMessage(), e.getCause());
        } finally {
            starter.shutdownNow();
        }
    }

    /** Tells {@code node} to join the cluster through {@code seeds} ({@code self}: to form it); returns it. */
    static NodeLauncher.Node join(NodeLauncher.Node node, String seeds) throws IOException {
        String answer = NodeClient.once(node.endpointPort(), "JOIN " + seeds);
        if (!answer.equals("JOINING")) {
            throw new IOException(node + " did not join through " + seeds + ": " + answer);
        }
        return node;
    }

    /** Waits until each of {@code members} sees exactly {@code members}, all up. */
    static void awaitMembers(List<NodeLauncher.Node> members) throws InterruptedException {
        String expected = members.stream().map(n -> String.valueOf(n.clusterPort())).sorted()
                .collect(Collectors.joining(","));
        String seen = "";
        long deadline = System.nanoTime() + MEMBERSHIP_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> views = new HashSet<>();
            try {
                for (NodeLauncher.Node node : members) {
                    String[] words = NodeClient.once(node.endpointPort(), "STATUS").split(" ");
                    views.add(words.length < 3 ? String.join(" ", words) : words[2]);
                }
                seen = views.toString();
                if (views.equals(Set.of(expected))) {
                    return;
                }
            } catch (IOException e) {
                seen = e.getMessage();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the members did not agree on " + expected + " within "
                + MEMBERSHIP_BOUND.toSeconds() + " s; they saw " + seen);
    }
}
