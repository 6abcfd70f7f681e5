package dev.oversell.cluster;

import dev.oversell.judge.Finding;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The fault runner: starts a cluster of {@value #NODES} {@link ClusterNode} processes hosting every lane, then, for
 * each fault of a {@link FaultSchedule}, one phase: buyers buy the phase's product on every node, the fault strikes
 * once every lane has had its seeded number of answers, buyers go on until every lane is sold out (or the phase's
 * bound), and each lane's accounts are read from its store and judged. Before each phase the cluster is brought
 * back to {@value #NODES} members. Every wait is bounded, and so is the round; every process started is ended when
 * the round ends, however it ends ({@link NodeLauncher}), the check failing if one survives.
 *
 * <p>The runner judges and reports; it asserts nothing. Which lanes must hold is the caller's to say.
 */
public final class ShardedOwnerFaults {

    public static final int NODES = 3;
    static final Duration MEMBERSHIP_BOUND = Duration.ofSeconds(40);
    static final Duration PHASE_BOUND = Duration.ofSeconds(30);
    static final Duration NODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration STALL_BOUND = Duration.ofSeconds(20);
    /** How long a round out of time may take to unwind once its nodes are ended. */
    static final Duration UNWIND_BOUND = Duration.ofSeconds(30);
    /** How long a paused owner's successor is looked for before the owner is resumed anyway (pause-owner). */
    static final Duration SUCCESSOR_BOUND = Duration.ofSeconds(15);
    /** Purchases the restarted entity must answer in every lane before the paused owner is resumed. */
    static final int SOLD_ELSEWHERE_BEFORE_RESUME = 3;

    /** One run: the schedule, an outcome per fault and lane, how long it took, and what else was seen. */
    public record Run(FaultSchedule schedule, List<FaultOutcome> outcomes, Duration took, List<String> notes) {
    }

    private final Map<Lane, Store> lanes;
    private final List<Lane> laneList;
    private final FaultSchedule schedule;
    private final PrintStream progress;
    private final List<NodeLauncher.Node> members = new CopyOnWriteArrayList<>();
    private final List<NodeLauncher.Node> spares = new ArrayList<>();
    private volatile NodeLauncher.Node paused;
    /** The purchases held at the stall point in the current phase, by request id. */
    private final Map<String, Stall> stalls = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int nextNode;

    private ShardedOwnerFaults(Map<Lane, Store> lanes, FaultSchedule schedule, PrintStream progress) {
        this.lanes = new LinkedHashMap<>(lanes);
        this.laneList = List.copyOf(lanes.keySet());
        this.schedule = schedule;
        this.progress = progress;
    }

    /**
     * Runs {@code schedule} against every lane of {@code lanes} (each over its own store, holding every fault's
     * product with {@link FaultSchedule#stock()} units), node logs in {@code logs}, progress on {@code progress}, within
     * {@code bound}. However the round ends (its run, a failure, the bound), every node process it started is ended,
     * with its descendants, before this returns or throws; a round out of time is a {@link RoundOutOfTime}.
     */
    public static Run run(Map<Lane, Store> lanes, FaultSchedule schedule, Path logs, PrintStream progress,
                          Duration bound) throws IOException, InterruptedException {
        ShardedOwnerFaults round = new ShardedOwnerFaults(lanes, schedule, progress);
        try (NodeLauncher launcher = new NodeLauncher(round.laneList, logs, NODE_LIFETIME)) {
            FutureTask<Run> running = new FutureTask<>(() -> round.run(launcher));
            Thread worker = new Thread(running, "cluster-round-seed-" + schedule.seed());
            worker.setDaemon(true);
            worker.start();
            try {
                return running.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException outOfTime) {
                // end the nodes first: every call the round is blocked in then fails at once, and it unwinds
                launcher.close();
                worker.interrupt();
                worker.join(UNWIND_BOUND.toMillis());
                throw new RoundOutOfTime("seed " + schedule.seed() + ": the round took longer than " + bound.toSeconds()
                        + " s; every node it started is ended: " + launcher.started()
                        + (worker.isAlive() ? "; its thread still runs " + UNWIND_BOUND.toSeconds() + " s later" : ""));
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } finally {
                worker.interrupt();
            }
        }
    }

    /** A round that did not end within its bound; its nodes are ended. */
    public static final class RoundOutOfTime extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RoundOutOfTime(String message) {
            super(message);
        }
    }

    private Run run(NodeLauncher launcher) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<FaultOutcome> outcomes = new ArrayList<>();
        List<NodeLauncher.Node> started = startAll(launcher, NODES + sparesNeeded());
        spares.addAll(started.subList(NODES, started.size()));
        members.add(join(started.get(0), "self"));
        awaitMembers();
        String seed = "127.0.0.1:" + started.get(0).clusterPort();
        for (NodeLauncher.Node node : started.subList(1, NODES)) {
            members.add(join(node, seed));
        }
        awaitMembers();
        progress.printf("[cluster] %d nodes up: %s, %d spare (%d ms)%n", members.size(), members, spares.size(),
                millisSince(start));
        for (int i = 0; i < schedule.faults().size(); i++) {
            while (members.size() < NODES) {
                members.add(join(spare(launcher), seeds()));
                awaitMembers();
                progress.printf("[cluster] back to %d nodes: %s%n", members.size(), members);
            }
            outcomes.addAll(phase(launcher, schedule.faults().get(i), schedule.answersBeforeFault().get(i)));
        }
        return new Run(schedule, outcomes, Duration.ofNanos(System.nanoTime() - start), List.copyOf(notes));
    }

    private List<FaultOutcome> phase(NodeLauncher launcher, Fault fault, int trigger)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Buyers buyers = new Buyers(laneList, fault.product(), this::reachable);
        buyers.start();
        String detail;
        try {
            if (!await(() -> buyers.leastAnswered() >= trigger, PHASE_BOUND)) {
                note(fault, "the fault struck after only " + buyers.leastAnswered() + " answers in the slowest lane ("
                        + trigger + " scheduled): it waited " + PHASE_BOUND.toSeconds() + " s");
            }
            int answeredBefore = buyers.leastAnswered();
            long struckAt = millisSince(start);
            detail = inject(launcher, fault, buyers);
            progress.printf("[cluster] %s: struck %d ms into the phase, after %d answers in the slowest lane: %s%n",
                    fault.product(), struckAt, answeredBefore, detail);
            if (!await(buyers::allSoldOut, PHASE_BOUND)) {
                note(fault, "not every lane sold out within " + PHASE_BOUND.toSeconds() + " s of the fault");
            }
        } finally {
            buyers.stop(NodeClient.CALL_BOUND.multipliedBy(Buyers.ATTEMPTS).plusSeconds(5));
        }
        List<FaultOutcome> outcomes = new ArrayList<>();
        for (Lane lane : laneList) {
            outcomes.add(judge(fault, lane, detail, buyers.tally(lane), millisSince(start),
                    stalls.get(fault.stalledRequestId(lane))));
        }
        return outcomes;
    }

    private String inject(NodeLauncher launcher, Fault fault, Buyers buyers) throws IOException, InterruptedException {
        switch (fault) {
            case KILL_OWNER: {
                NodeLauncher.Node holder = holderOf(fault.product());
                launcher.kill(holder);
                members.remove(holder);
                return "SIGKILL " + holder + ", which held " + fault.product();
            }
            case LEAVE_AND_JOIN: {
                NodeLauncher.Node holder = holderOf(fault.product());
                String answer = NodeClient.once(holder.endpointPort(), "LEAVE");
                members.remove(holder);
                NodeLauncher.Node joiner = join(spare(launcher), seeds());
                if (!holder.process().waitFor(MEMBERSHIP_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException(holder + " did not leave within " + MEMBERSHIP_BOUND.toSeconds()
                            + " s; the end of its log:\n" + NodeLauncher.tail(holder.log()));
                }
                members.add(joiner);
                awaitMembers();
                return holder + ", which held " + fault.product() + ", left gracefully (" + answer + ", exit "
                        + holder.process().exitValue() + ") while " + joiner.name() + " joined";
            }
            case KILL_COORDINATOR: {
                NodeLauncher.Node holder = holderOf(fault.product());
                int oldestPort = Integer.parseInt(status(members.get(0))[1]);
                NodeLauncher.Node oldest = members.stream().filter(n -> n.clusterPort() == oldestPort).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the oldest member " + oldestPort
                                + " is none of " + members));
                launcher.kill(oldest);
                members.remove(oldest);
                return "SIGKILL " + oldest + ", the oldest member (the shard coordinator's node), which "
                        + (oldest.equals(holder) ? "also held " : "did not hold ") + fault.product();
            }
            case PAUSE_OWNER: {
                NodeLauncher.Node holder = holderOf(fault.product());
                long pausedAt = System.nanoTime();
                paused = holder; // buyers keep sending to it: what it had and what reaches it runs when it resumes
                members.remove(holder);
                launcher.pause(holder);
                awaitMembers(); // the others downed it
                long downedAfter = millisSince(pausedAt);
                // A pause that lands inside the purchase's write transaction leaves the engine's row lock held by the
                // paused process: the restarted entity's first statement waits on it until the process runs again.
                // So the successor is looked for within a bound, and the owner resumed either way.
                Optional<NodeLauncher.Node> successor = locate(fault.product(), SUCCESSOR_BOUND);
                launcher.resume(holder);
                long resumedAt = System.nanoTime();
                boolean ended = holder.process().waitFor(MEMBERSHIP_BOUND.toSeconds(), TimeUnit.SECONDS);
                paused = null;
                if (!ended) {
                    throw new IllegalStateException(holder + " still runs " + MEMBERSHIP_BOUND.toSeconds()
                            + " s after it was downed and resumed; the end of its log:\n" + NodeLauncher.tail(holder.log()));
                }
                return "SIGSTOP " + holder + ", which held " + fault.product() + "; downed by the others after "
                        + downedAfter + " ms, " + successor.map(n -> "the entity restarted on " + n.name())
                        .orElse("the entity did not answer elsewhere within " + SUCCESSOR_BOUND.toSeconds()
                                + " s (a row lock held by the paused process, most likely)") + "; SIGCONT; it ended "
                        + millisSince(resumedAt) + " ms later (exit " + holder.process().exitValue() + ")";
            }
            case PAUSE_OWNER_MID_PURCHASE: {
                NodeLauncher.Node holder = holderOf(fault.product());
                List<String> ids = laneList.stream().map(fault::stalledRequestId).toList();
                String armed = NodeClient.once(holder.endpointPort(), "ARM " + String.join(",", ids));
                if (!armed.equals("ARMED")) {
                    throw new IOException(holder + " did not arm the stall point: " + armed);
                }
                for (Lane lane : laneList) {
                    sendOnce(holder, "BUY " + lane.name() + " " + fault.stalledRequestId(lane) + " " + fault.product() + " 1");
                }
                String stalled = awaitStalled(holder, ids.size());
                long pausedAt = System.nanoTime();
                paused = holder;
                members.remove(holder);
                launcher.pause(holder);
                awaitMembers(); // the others downed it
                long downedAfter = millisSince(pausedAt);
                NodeLauncher.Node successor = holderOf(fault.product());
                Map<String, Integer> before = buyers.answered();
                boolean soldElsewhere = await(() -> buyers.eachAnsweredSince(before, SOLD_ELSEWHERE_BEFORE_RESUME), PHASE_BOUND);
                if (!soldElsewhere) {
                    note(fault, "the entity restarted on " + successor.name() + " did not answer "
                            + SOLD_ELSEWHERE_BEFORE_RESUME + " purchases in every lane within " + PHASE_BOUND.toSeconds()
                            + " s; resumed anyway (answers since the pause: " + buyers.answered() + ", before " + before + ")");
                }
                Map<String, Integer> answeredAtResume = buyers.answered();
                Map<String, Long> newestTokens = buyers.newestTokens();
                launcher.resume(holder);
                long resumedAt = System.nanoTime();
                String after = stalledAfterResume(holder);
                boolean ended = holder.process().waitFor(MEMBERSHIP_BOUND.toSeconds(), TimeUnit.SECONDS);
                paused = null;
                if (!ended) {
                    throw new IllegalStateException(holder + " still runs " + MEMBERSHIP_BOUND.toSeconds()
                            + " s after it was downed and resumed; the end of its log:\n" + NodeLauncher.tail(holder.log()));
                }
                launcher.awaitLog(holder);
                String logged = stallReportsInLog(holder);
                for (Lane lane : laneList) {
                    String id = fault.stalledRequestId(lane);
                    String report = java.util.Arrays.stream(stalled.split(",")).filter(r -> r.startsWith(id + ":"))
                            .findFirst().orElseThrow(() -> new IllegalStateException("no stall reported for " + id
                                    + " in " + stalled));
                    stalls.put(id, Stall.of(holder.name(), report, successor.name(), downedAfter,
                            answeredAtResume.get(lane.name()) - before.get(lane.name()), newestTokens.get(lane.name()),
                            logged + " " + after));
                }
                return "one purchase per lane, sent once to " + holder + ", which held " + fault.product()
                        + ", stopped between its read and its write; SIGSTOP; downed by the others after " + downedAfter
                        + " ms, the entity restarted on " + successor.name() + " and answered at least "
                        + SOLD_ELSEWHERE_BEFORE_RESUME + " purchases in every lane; SIGCONT; " + holder.name()
                        + " ended " + millisSince(resumedAt) + " ms later (exit " + holder.process().exitValue() + ")";
            }
            default:
                throw new IllegalArgumentException(fault.toString());
        }
    }

    /** Sends one request to a node on a thread of its own, once, and forgets it (its answer is not waited for). */
    private static void sendOnce(NodeLauncher.Node node, String request) {
        Thread sender = new Thread(() -> {
            try {
                NodeClient.once(node.endpointPort(), request);
            } catch (IOException ignored) {
                // the node was paused or downed meanwhile: the request's fate is the database's to tell
            }
        }, "send-once-" + node.name());
        sender.setDaemon(true);
        sender.start();
    }

    /** Waits until {@code count} purchases stand at the node's stall point; their reports, else a loud failure. */
    private static String awaitStalled(NodeLauncher.Node node, int count) throws IOException, InterruptedException {
        String last = "";
        long deadline = System.nanoTime() + STALL_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            last = NodeClient.once(node.endpointPort(), "STALLED");
            String[] stalled = last.substring("STALLED".length()).trim().split(",");
            if (java.util.Arrays.stream(stalled).filter(r -> r.endsWith(":stalled")).count() == count) {
                return last.substring("STALLED ".length()).replace(":stalled", "");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the " + count + " armed purchases did not all reach the stall point on " + node
                + " within " + STALL_BOUND.toSeconds() + " s (it answered: " + last + "); the fault was not injected");
    }

    /**
     * The stall point's lines in a node's log ({@code id:read:token:state} each: resumed, then what the stale write
     * met), space-separated.
     */
    private static String stallReportsInLog(NodeLauncher.Node node) {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(node.log())) {
            return lines.filter(l -> l.startsWith("[stall] ")).map(l -> l.substring("[stall] ".length()))
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** What the stall point says once its node runs again, if it still answers before it shuts down (else ""). */
    private static String stalledAfterResume(NodeLauncher.Node node) {
        try {
            return NodeClient.once(node.endpointPort(), "STALLED").substring("STALLED".length()).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The nodes buyers send to: the members, and a paused node while it is paused. */
    private List<NodeLauncher.Node> reachable() {
        List<NodeLauncher.Node> nodes = new ArrayList<>(members);
        NodeLauncher.Node zombie = paused;
        if (zombie != null) {
            nodes.add(zombie);
        }
        return nodes;
    }

    /** Spare nodes, started ahead: one per node a fault removes before the last phase, one per node that joins. */
    private int sparesNeeded() {
        int spares = 0;
        List<Fault> faults = schedule.faults();
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i) == Fault.LEAVE_AND_JOIN || i < faults.size() - 1) {
                spares++;
            }
        }
        return spares;
    }

    /** A node started ahead, not yet joined (or one started now, if none is left). */
    private NodeLauncher.Node spare(NodeLauncher launcher) throws IOException, InterruptedException {
        return spares.isEmpty() ? launcher.start(name()) : spares.remove(0);
    }

    private List<NodeLauncher.Node> startAll(NodeLauncher launcher, int count) throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(name());
        }
        return RunningCluster.startAll(launcher, names);
    }

    /** The members' cluster addresses, as seed nodes for a node that joins. */
    private String seeds() {
        return members.stream().map(n -> "127.0.0.1:" + n.clusterPort()).collect(Collectors.joining(","));
    }

    private static NodeLauncher.Node join(NodeLauncher.Node node, String seeds) throws IOException {
        return RunningCluster.join(node, seeds);
    }

    /** The node whose entity answers for {@code product} (the same for every lane: one shard per product). */
    private NodeLauncher.Node holderOf(String product) throws IOException, InterruptedException {
        return locate(product, MEMBERSHIP_BOUND).orElseThrow(() -> new IllegalStateException("could not locate "
                + product + " within " + MEMBERSHIP_BOUND.toSeconds() + " s: " + lastLocate));
    }

    private volatile String lastLocate = "";

    /** The node whose entity answers for {@code product}, asking the members in turn, within {@code bound}. */
    private Optional<NodeLauncher.Node> locate(String product, Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            NodeLauncher.Node asked = members.get(attempt % members.size());
            String answer = NodeClient.once(asked.endpointPort(), "LOCATE " + laneList.get(0).name() + " " + product);
            if (answer.startsWith("AT ")) {
                String name = answer.split(" ")[1];
                for (NodeLauncher.Node node : members) {
                    if (node.name().equals(name)) {
                        return Optional.of(node);
                    }
                }
            }
            lastLocate = asked.name() + " answered " + answer;
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static String[] status(NodeLauncher.Node node) throws IOException {
        String answer = NodeClient.once(node.endpointPort(), "STATUS");
        String[] words = answer.split(" ");
        if (!words[0].equals("STATUS") || words.length < 3) {
            throw new IOException(node + " answered " + answer);
        }
        return words;
    }

    /** Waits until every member sees exactly the members, all up. */
    private void awaitMembers() throws InterruptedException {
        RunningCluster.awaitMembers(members);
    }

    private FaultOutcome judge(Fault fault, Lane lane, String detail, Buyers.Tally tally, long millis, Stall stall) {
        Store store = lanes.get(lane);
        long stock;
        long sold = 0;
        Set<String> recordedSales = new HashSet<>();
        try (Connection c = store.database().connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT stock FROM " + store.stockTable() + " WHERE product = ?")) {
                s.setString(1, fault.product());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    stock = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT request_id, quantity FROM " + store.purchasesTable()
                    + " WHERE product = ? AND purchased = 1")) {
                s.setString(1, fault.product());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        recordedSales.add(rs.getString(1));
                        sold += rs.getInt(2);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the accounts of " + lane.name() + ": " + e.getMessage(), e);
        }
        long existed = schedule.stock();
        Set<String> unrecorded = new TreeSet<>(tally.toldPurchased);
        unrecorded.removeAll(recordedSales);
        Set<String> contradicted = new TreeSet<>(tally.toldOutOfStock);
        contradicted.retainAll(recordedSales);
        return new FaultOutcome(fault, lane, detail, stall, tally.attempted.size(), tally.toldPurchased.size(),
                tally.toldOutOfStock.size(), tally.failed.size(), tally.resubmitted.get(), existed, sold, stock,
                Math.max(0, sold - existed), stock + sold == existed, unrecorded.size(), contradicted.size(),
                tally.soldOut, new TreeSet<>(tally.tokens), new TreeSet<>(tally.answeredBy),
                Finding.ofAccounts(existed, sold, stock), millis);
    }

    private void note(Fault fault, String text) {
        notes.add(fault.product() + ": " + text);
        progress.println("[cluster] " + fault.product() + ": " + text);
    }

    private String name() {
        return "n" + nextNode++;
    }

    private static boolean await(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
