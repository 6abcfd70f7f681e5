package dev.oversell.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts {@link ClusterNode}s as separate JVM processes on 127.0.0.1 (the current {@code java}, the current class
 * path, the {@code oversell.*} settings passed on) and ends every one it started, by its {@link Process} handle and
 * its descendants, on every way out: {@link #close()} (from any thread: a round out of time closes it under the
 * round's feet, and a node whose start was under way then is ended as soon as it exists), a JVM shutdown hook (an
 * interrupted or failing run), and, should this JVM be killed outright, the node itself, which halts when its
 * standard input (this launcher's pipe) ends. Each node's output goes to {@code <logs>/<name>.log}.
 *
 * <p>It is also the only one that pauses and resumes a node ({@link #pause}, {@link #resume}; SIGSTOP and SIGCONT,
 * which have no Java API), and only a node it started and holds a live handle for: never a pid read from elsewhere,
 * and never a pid that may have been handed to another process since (see {@link #resume}).
 */
public final class NodeLauncher implements AutoCloseable {

    /** How long a node may take to print READY: a JVM and an actor system starting on a loaded 2-core machine. */
    static final Duration START_BOUND = Duration.ofSeconds(60);
    /** How long a pause may take to show, and a {@code kill -CONT} to return. */
    static final Duration SIGNAL_BOUND = Duration.ofSeconds(10);

    /**
     * The nodes' JVM options, {@value #DEFAULT_JVM_OPTIONS} unless {@code -Doversell.cluster.nodeJvmOptions=...}
     * (space-separated) says otherwise: small heaps and the C1 compiler only, so that a node starts fast and several
     * of them fit on 2 cores.
     */
    public static final String JVM_OPTIONS = "oversell.cluster.nodeJvmOptions";
    static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final List<Lane> lanes;
    private final Path logs;
    private final Duration lifetime;
    private final List<Node> started = new CopyOnWriteArrayList<>();
    /** Per node name, the thread copying its output into its log: done once the node's output has ended. */
    private final java.util.Map<String, Thread> logCopiers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread hook = new Thread(this::killAll, "kill-cluster-nodes");
    /** Set once by {@link #killAll}: no node starts after it (guarded by {@code started}'s lock with the adds). */
    private boolean closed;

    /**
     * A started node: its process (and pid), when that process started (what tells it from a later process given
     * the same pid), its cluster port, its endpoint's port, its log.
     */
    public record Node(String name, Process process, Instant startedAt, int clusterPort, int endpointPort, Path log) {

        public long pid() {
            return process.pid();
        }

        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public String toString() {
            return name + " (pid " + pid() + ", cluster port " + clusterPort + ")";
        }
    }

    /** Nodes that host {@code lanes}, log into {@code logs} and halt by themselves after {@code lifetime}. */
    public NodeLauncher(List<Lane> lanes, Path logs, Duration lifetime) throws IOException {
        this.lanes = List.copyOf(lanes);
        this.logs = Files.createDirectories(logs);
        this.lifetime = lifetime;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Every node this launcher started. */
    public List<Node> started() {
        return List.copyOf(started);
    }

    /**
     * Starts node {@code name} and waits until it printed READY (it joins no cluster until told to). Fails, with
     * the tail of its log, if it did not within {@link #START_BOUND}.
     */
    public Node start(String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).trim().split(" +")));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith("oversell.") && !n.equals("oversell.pool.size"))
                .forEach(n -> command.add("-D" + n + "=" + System.getProperty(n)));
        command.add("-Doversell.pool.size=4");
        command.add(ClusterNode.class.getName());
        command.add(name);
        command.add(String.valueOf(lifetime.toSeconds()));
        lanes.forEach(lane -> command.add(lane.format()));
        Path log = logs.resolve(name + ".log");
        Process process;
        Node placeholder;
        synchronized (started) {
            if (closed) {
                throw new IllegalStateException("node " + name + " not started: the launcher is closed");
            }
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // read now, while this JVM holds the unreaped child: its pid cannot be another process's yet
            Instant startedAt = process.toHandle().info().startInstant().orElseThrow(() -> new IllegalStateException(
                    "no start time for node " + name + " (pid " + process.pid() + "): it cannot be told from a later"
                            + " process with the same pid"));
            placeholder = new Node(name, process, startedAt, -1, -1, log);
            started.add(placeholder);
        }
        CompletableFuture<int[]> ready = new CompletableFuture<>();
        Thread copy = new Thread(() -> copyOutput(process, log, ready), "log-" + name);
        copy.setDaemon(true);
        logCopiers.put(name, copy);
        copy.start();
        try {
            int[] ports = ready.get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            Node node = new Node(name, process, placeholder.startedAt(), ports[0], ports[1], log);
            started.set(started.indexOf(placeholder), node);
            return node;
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("node " + name + " (pid " + process.pid() + ") did not start within "
                    + START_BOUND.toSeconds() + " s; the end of its log " + log + ":\n" + tail(log), e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<int[]> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.startsWith("READY ")) {
                    String[] words = line.split(" ");
                    ready.complete(new int[] {Integer.parseInt(words[1]), Integer.parseInt(words[2])});
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the node's output ended before READY"));
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} is SIGKILL): no shutdown hook, no goodbye. */
    public void kill(Node node) throws InterruptedException {
        node.process().destroyForcibly();
        if (!node.process().waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(node + " is still alive 10 s after SIGKILL");
        }
    }

    /**
     * Pauses {@code node} (SIGSTOP: a long GC pause, a frozen VM). The node stops itself, asked through its standard
     * input (this launcher's pipe to it): the signal goes to its own pid, which no other process can hold while it
     * runs. Returns once the node is stopped; fails if it is not within {@link #SIGNAL_BOUND}, or if it is no live
     * node of this launcher's.
     */
    public void pause(Node node) throws IOException, InterruptedException {
        requireLive(node, "pause");
        java.io.OutputStream pipe = node.process().getOutputStream();
        pipe.write(ClusterNode.STOP_YOURSELF.getBytes(StandardCharsets.US_ASCII));
        pipe.flush();
        long deadline = System.nanoTime() + SIGNAL_BOUND.toNanos();
        while (!stopped(node)) {
            if (System.nanoTime() > deadline || !node.alive()) {
                throw new IllegalStateException(node + " did not stop within " + SIGNAL_BOUND.toSeconds() + " s of"
                        + " being asked to (alive: " + node.alive() + "); the end of its log:\n" + tail(node.log()));
            }
            Thread.sleep(5);
        }
    }

    /**
     * Resumes {@code node} (SIGCONT), paused by {@link #pause}: only a node this launcher started, whose handle is
     * alive, whose pid is still held by the process that started at {@link Node#startedAt()}, and which is stopped:
     * a stopped process cannot end by itself (only SIGKILL ends it), so its pid cannot pass to another process
     * between these checks and the signal.
     */
    public void resume(Node node) throws IOException, InterruptedException {
        requireLive(node, "resume");
        if (!stopped(node)) {
            throw new IllegalStateException(node + " is not stopped: SIGCONT goes only to a node this launcher paused");
        }
        Process kill = new ProcessBuilder("kill", "-CONT", String.valueOf(node.pid())).inheritIO().start();
        if (!kill.waitFor(SIGNAL_BOUND.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IOException("kill -CONT " + node.pid() + " (" + node + ") failed");
        }
    }

    /** Fails unless {@code node} was started by this launcher, its handle is alive and its pid still its own. */
    private void requireLive(Node node, String what) {
        if (started.stream().noneMatch(n -> n.process() == node.process())) {
            throw new IllegalArgumentException("will not " + what + " " + node + ": this launcher did not start it");
        }
        if (!node.alive() || !samePidHolder(node)) {
            throw new IllegalStateException("will not " + what + " " + node + ": its process has ended (its pid may"
                    + " be another process's now)");
        }
    }

    /** True while the process holding {@code node}'s pid is the one that started at {@link Node#startedAt()}. */
    private static boolean samePidHolder(Node node) {
        return ProcessHandle.of(node.pid()).flatMap(h -> h.info().startInstant())
                .map(node.startedAt()::equals).orElse(false);
    }

    /** True if {@code node}'s process is stopped (its state in {@code /proc/<pid>/stat} is T), and still its own. */
    private static boolean stopped(Node node) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(node.pid()), "stat"));
            // pid (command) state ...: the command may hold spaces and parentheses, the state follows the last ')'
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return state.equals("T") && node.alive() && samePidHolder(node);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Waits (at most 10 s) until everything an ended node printed is in its log: its last lines (the stall point's
     * reports, say) are copied from the pipe after the process is gone.
     */
    public void awaitLog(Node node) throws InterruptedException {
        Thread copy = logCopiers.get(node.name());
        if (copy != null) {
            copy.join(10_000);
        }
    }

    /** The last lines of a node's log, for a failure message. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void killAll() {
        synchronized (started) {
            closed = true;
        }
        for (Node node : started) {
            // its descendants first: once it is gone they are no longer its descendants, and nothing would end them
            node.process().descendants().forEach(ProcessHandle::destroyForcibly);
            if (node.alive()) {
                node.process().destroyForcibly();
            }
        }
        for (Node node : started) {
            try {
                node.process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Kills every node still alive and waits for each to be gone; fails if one is not. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
        List<Node> left = started.stream().filter(Node::alive).toList();
        if (!left.isEmpty()) {
            throw new IllegalStateException("cluster nodes still alive after being killed: " + left);
        }
    }
}
