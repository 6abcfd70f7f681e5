package dev.oversell.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The workload of one phase: {@value #PER_LANE} buyers per lane, each buying one unit of the phase's product at a
 * time, sending its purchases to every node in turn (the node a request lands on does not own the product, in
 * general: the cluster forwards it). A purchase that fails or is not answered in time is resubmitted with the same
 * request id to the next node, at most {@value #ATTEMPTS} times in all; then it counts as failed, its outcome
 * unknown to the buyer. A lane's buyers stop once one of them is told the product is sold out, or when the phase
 * stops them; each buyer makes at most {@value #MOST_PER_BUYER} purchases. Only what buyers were told is kept
 * here; the database is the judge.
 */
final class Buyers {

    static final int PER_LANE = 2;
    static final int ATTEMPTS = 4;
    static final int MOST_PER_BUYER = 200;

    /** What one lane's buyers were told. */
    static final class Tally {
        final Set<String> attempted = ConcurrentHashMap.newKeySet();
        final Set<String> toldPurchased = ConcurrentHashMap.newKeySet();
        final Set<String> toldOutOfStock = ConcurrentHashMap.newKeySet();
        final Map<String, String> failed = new ConcurrentHashMap<>();
        final Set<Long> tokens = ConcurrentHashMap.newKeySet();
        final Set<String> answeredBy = ConcurrentHashMap.newKeySet();
        final AtomicInteger resubmitted = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        volatile boolean soldOut;
    }

    private final List<Lane> lanes;
    private final String product;
    private final Supplier<List<NodeLauncher.Node>> members;
    private final Map<String, Tally> tallies = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    Buyers(List<Lane> lanes, String product, Supplier<List<NodeLauncher.Node>> members) {
        this.lanes = List.copyOf(lanes);
        this.product = product;
        this.members = members;
        lanes.forEach(lane -> tallies.put(lane.name(), new Tally()));
    }

    void start() {
        for (Lane lane : lanes) {
            for (int b = 0; b < PER_LANE; b++) {
                int buyer = b;
                Thread t = new Thread(() -> buy(lane, buyer), "buyer-" + lane.name() + "-" + b);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }
    }

    Tally tally(Lane lane) {
        return tallies.get(lane.name());
    }

    /** The fewest purchases answered in any lane so far. */
    int leastAnswered() {
        return tallies.values().stream().mapToInt(t -> t.answered.get()).min().orElse(0);
    }

    /** Each lane's purchases answered so far, by lane name. */
    Map<String, Integer> answered() {
        Map<String, Integer> answered = new HashMap<>();
        tallies.forEach((lane, tally) -> answered.put(lane, tally.answered.get()));
        return answered;
    }

    /** Each lane's highest fencing token answered so far, by lane name (0: none). */
    Map<String, Long> newestTokens() {
        Map<String, Long> newest = new HashMap<>();
        tallies.forEach((lane, tally) -> newest.put(lane, tally.tokens.stream().mapToLong(Long::longValue).max()
                .orElse(0)));
        return newest;
    }

    /** True once every lane has had at least {@code more} purchases answered since {@code before}. */
    boolean eachAnsweredSince(Map<String, Integer> before, int more) {
        return tallies.entrySet().stream()
                .allMatch(e -> e.getValue().answered.get() >= before.getOrDefault(e.getKey(), 0) + more);
    }

    boolean allSoldOut() {
        return tallies.values().stream().allMatch(t -> t.soldOut);
    }

    /** Stops every buyer after the purchase it is on (its resubmissions included); waits at most {@code bound}. */
    void stop(Duration bound) throws InterruptedException {
        stopped = true;
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        List<String> stuck = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!stuck.isEmpty()) {
            throw new IllegalStateException("buyers still buying " + bound.toSeconds() + " s after the stop: " + stuck);
        }
    }

    private void buy(Lane lane, int buyer) {
        Tally tally = tallies.get(lane.name());
        Map<Integer, NodeClient> connections = new HashMap<>();
        try {
            for (int n = 0; n < MOST_PER_BUYER && !stopped && !tally.soldOut; n++) {
                String id = product + "-" + lane.name() + "-b" + buyer + "-" + n;
                tally.attempted.add(id);
                String last = "no node to send it to";
                boolean answered = false;
                for (int attempt = 0; attempt < ATTEMPTS && !answered; attempt++) {
                    if (attempt > 0) {
                        tally.resubmitted.incrementAndGet();
                    }
                    List<NodeLauncher.Node> nodes = members.get();
                    if (nodes.isEmpty()) {
                        break;
                    }
                    NodeLauncher.Node node = nodes.get(Math.floorMod(buyer + n + attempt, nodes.size()));
                    try {
                        NodeClient client = connections.get(node.endpointPort());
                        if (client == null) {
                            client = new NodeClient(node.endpointPort());
                            connections.put(node.endpointPort(), client);
                        }
                        String reply = client.call("BUY " + lane.name() + " " + id + " " + product + " 1");
                        if (reply.startsWith("ANSWER ")) {
                            String[] words = reply.split(" ");
                            int units = Integer.parseInt(words[1]);
                            if (units > 0) {
                                tally.toldPurchased.add(id);
                            } else {
                                tally.toldOutOfStock.add(id);
                                tally.soldOut = true;
                            }
                            tally.answeredBy.add(words[3]);
                            tally.tokens.add(Long.parseLong(words[4]));
                            tally.answered.incrementAndGet();
                            answered = true;
                        } else {
                            last = reply;
                        }
                    } catch (IOException e) {
                        last = node.name() + ": " + e.getMessage();
                        NodeClient broken = connections.remove(node.endpointPort());
                        closeQuietly(broken);
                    }
                }
                if (!answered) {
                    tally.failed.put(id, last);
                }
            }
        } finally {
            connections.values().forEach(Buyers::closeQuietly);
        }
    }

    private static void closeQuietly(NodeClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
