package dev.oversell.redis;

import dev.oversell.properties.database.Engines;
import dev.oversell.store.DatabaseSettings;
import io.lettuce.core.RedisURI;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A Redis server of a check's own, on a free port of 127.0.0.1, with the settings of the servers here and of a cache
 * that keeps nothing ({@code --save ""}, {@code --appendonly no}), so that a fault can stop and start it without
 * touching anyone else's: {@link #restart()} stops the process ({@code SIGTERM}: Redis shuts down, saving nothing)
 * and starts it again on the same port; the clients connected to it see their connections drop and reconnect, as
 * after a real restart. Started from the {@code redis-server} binary ({@code -Doversell.redis.serverBinary}, else
 * {@code OVERSELL_REDIS_SERVERBINARY}, else {@code redis-server} on the {@code PATH} or in {@code /usr/bin}, where
 * Debian's {@code redis-server} package puts it); its process is stopped on {@link #close()} and, at worst, when
 * the JVM exits.
 */
public final class RedisProcess implements AutoCloseable {

    /** The setting naming the binary, as a {@code -D} property. */
    public static final String BINARY = "oversell.redis.serverBinary";
    private static final long READY_MILLIS = 10_000;

    private final Path binary;
    private final int port;
    private final Path dir;
    private final Thread stopAtExit;
    private Process process;

    private RedisProcess(Path binary, int port, Path dir) {
        this.binary = binary;
        this.port = port;
        this.dir = dir;
        this.stopAtExit = new Thread(this::stop, "oversell-redis-process-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * A server of the check's own, started; empty when this machine has no {@code redis-server} binary, which is
     * printed loudly, and a failure when the real servers are required ({@code CI=true}).
     */
    public static Optional<RedisProcess> startIfInstalled() {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            String why = "no redis-server binary (set -D" + BINARY + "=/path/to/redis-server, or install Debian's"
                    + " redis-server: .ci/start-databases does)";
            if (Engines.required()) {
                throw new IllegalStateException("a Redis server of the check's own is required (CI=true): " + why);
            }
            System.out.printf("%n[redis] !!! a restart of Redis cannot be run: %s; the check simulates it%n%n", why);
            return Optional.empty();
        }
        RedisProcess server;
        try {
            server = new RedisProcess(binary.get(), freePort(), Files.createTempDirectory("oversell-redis-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return Optional.of(server);
    }

    /** Where the server answers. */
    public RedisURI uri() {
        return RedisURI.create("redis://127.0.0.1:" + port);
    }

    /** What the server is, for a cell: its binary and settings. */
    public String describe() {
        return "a redis-server of its own (" + binary + ", save \"\", appendonly no)";
    }

    /** Stops the server (it saves nothing) and starts it again on the same port: everything it held is gone. */
    public synchronized void restart() {
        stop();
        start();
    }

    private synchronized void start() {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with " + process.exitValue() + " on port " + port
                        + ": " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(binary + " did not answer PING on port " + port + " within "
                        + READY_MILLIS + " ms: " + log());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // polling for readiness, bounded above
        }
    }

    private synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(READY_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(READY_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook stops it
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind holds no data: the server saved nothing
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() {
        try {
            Path log = dir.resolve("redis.log");
            return Files.exists(log) ? Files.readString(log).strip() : "(no log)";
        } catch (IOException e) {
            return "(its log could not be read: " + e + ")";
        }
    }

    private static Optional<Path> binary() {
        String named = DatabaseSettings.setting(BINARY, "redis-server");
        if (named.contains("/")) {
            Path path = Path.of(named);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, named)).filter(Files::isExecutable)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
