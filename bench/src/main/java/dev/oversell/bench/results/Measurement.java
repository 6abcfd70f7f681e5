package dev.oversell.bench.results;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.Locale;

/**
 * One JMH result as the ratios and the summary need it: which group and engine, which design ({@code design}:
 * the catalogue name, or the benchmark method's name in kebab case for the references and the asks), how many
 * threads, and the score in purchases per second with JMH's error (the half-width of its 99.9% confidence
 * interval; JMH computes none, NaN here, for fewer than 3 measurement iterations) and the lowest and highest
 * iteration scores. {@code failedPerSecond} is the database benchmarks' {@code failed} counter, NaN where there
 * is none.
 */
public record Measurement(String group, String engine, String benchmark, String variant, int threads,
                          double opsPerSecond, double error, double min, double max, double failedPerSecond) {

    public static final String IN_MEMORY = "in-memory";
    public static final String DATABASE = "database";
    /** The Redis designs, divided by Redis's own {@code DECRBY} rate ({@code redis-benchmark}) at the same clients. */
    public static final String REDIS = "redis";
    /** The single owner on a Pekko cluster of node processes, divided by the database reference of its engine. */
    public static final String CLUSTER = "cluster";

    /** Reads one run result of {@code group}. */
    public static Measurement of(String group, RunResult run) {
        BenchmarkParams params = run.getParams();
        String benchmark = params.getBenchmark();
        String variant = params.getParam("design");
        if (variant == null) {
            variant = kebab(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        }
        Result<?> primary = run.getPrimaryResult();
        Result<?> failed = run.getSecondaryResults().get("failed");
        return new Measurement(group, params.getParam("engine"), benchmark, variant, params.getThreads(),
                primary.getScore(), primary.getScoreError(), primary.getStatistics().getMin(),
                primary.getStatistics().getMax(), failed == null ? Double.NaN : failed.getScore());
    }

    /** {@code rawUpdate} becomes {@code raw-update}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Whether some purchases ended in an error instead of an answer. */
    public boolean hadFailures() {
        return failedPerSecond > 0;
    }
}
