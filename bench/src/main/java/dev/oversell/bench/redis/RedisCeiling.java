package dev.oversell.bench.redis;

import dev.oversell.bench.results.Measurement;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis's own rate for the cheapest purchase it could serve: {@code redis-benchmark} (Redis's C client, on the same
 * machine) sending {@code DECRBY} of one key over {@code clients} connections, one command at a time on each (no
 * pipelining, as a purchase waits for its answer). No design that decides in Redis can buy faster than this; the
 * Redis group's ratios are to it, as the databases' are to the raw {@code UPDATE}.
 */
public final class RedisCeiling {

    /** The design column of the ceiling in the results. */
    public static final String NAME = "redis-benchmark-decrby";
    /** {@code DECRBY}s per run of {@code redis-benchmark}; three runs per client count. */
    static final int REQUESTS = 100_000;
    private static final int RUNS = 3;
    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

    private RedisCeiling() {
    }

    /**
     * Three runs of {@code redis-benchmark} against {@code server} with {@code clients} connections, as one
     * measurement (mean, lowest and highest run); empty, with why on the console, if it cannot be run.
     */
    public static Optional<Measurement> measure(RedisURI server, int clients) throws InterruptedException {
        String key = "oversell:bench:ceiling:" + ProcessHandle.current().pid();
        List<Double> rates = new ArrayList<>();
        try {
            for (int run = 0; run < RUNS; run++) {
                rates.add(rate(server, clients, "DECRBY", key, "1"));
            }
            run(server, 1, 1, "DEL", key);
        } catch (IOException | IllegalStateException unavailable) {
            System.out.println("[bench] no Redis ceiling at " + clients + " client(s): " + unavailable.getMessage());
            return Optional.empty();
        }
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return Optional.of(new Measurement(Measurement.REDIS, null, "redis-benchmark DECRBY", NAME, clients, mean,
                Double.NaN, min, max, Double.NaN));
    }

    /** The rate {@code redis-benchmark} reports for {@value #REQUESTS} of {@code command}. */
    private static double rate(RedisURI server, int clients, String... command) throws IOException,
            InterruptedException {
        String output = run(server, clients, REQUESTS, command);
        Matcher rate = RATE.matcher(output);
        String last = null;
        while (rate.find()) {
            last = rate.group(1); // -q prints the rate as it goes, then the final one
        }
        if (last == null) {
            throw new IllegalStateException("redis-benchmark printed no rate: " + output.strip());
        }
        return Double.parseDouble(last);
    }

    /** Runs {@code redis-benchmark} with {@code clients} connections, {@code requests} times; its output. */
    private static String run(RedisURI server, int clients, int requests, String... command) throws IOException,
            InterruptedException {
        List<String> line = new ArrayList<>(List.of("redis-benchmark", "-h", server.getHost(),
                "-p", String.valueOf(server.getPort()), "-c", String.valueOf(clients),
                "-n", String.valueOf(requests), "-q"));
        RedisCredentials credentials = server.getCredentialsProvider().resolveCredentials().block();
        if (credentials != null && credentials.hasUsername()) {
            line.addAll(List.of("--user", credentials.getUsername()));
        }
        if (credentials != null && credentials.hasPassword()) {
            line.addAll(List.of("-a", new String(credentials.getPassword()), "--no-auth-warning"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("redis-benchmark failed: " + output.strip());
        }
        return output;
    }
}
