package dev.oversell.bench.results;

import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Divides every measurement by its reference from the same run: in memory, {@value #IN_MEMORY_REFERENCE} at the
 * same thread count; on a database, {@value #DATABASE_REFERENCE} on the same engine with the same clients; on Redis,
 * {@value #REDIS_REFERENCE} with as many connections; through
 * the cluster ({@code Measurement.CLUSTER}), the same database reference, measured in the database group of the
 * same run. The references get a line too (ratio 1). Lines come out grouped (in memory, databases, the cluster),
 * then by engine, then by design in {@code order}, then by threads.
 */
public final class Ratios {

    /** The in-memory reference: {@code CasLoopReferenceBenchmark.casLoop}. */
    public static final String IN_MEMORY_REFERENCE = "cas-loop";
    /** The database reference: {@code RawJdbcFloorBenchmark.rawUpdate}. */
    public static final String DATABASE_REFERENCE = "raw-update";
    /** The Redis reference: {@code redis-benchmark} sending {@code DECRBY} (the ceiling). */
    public static final String REDIS_REFERENCE = "redis-benchmark-decrby";

    private Ratios() {
    }

    /** The reference a measurement of {@code group} is divided by. */
    public static String referenceOf(String group) {
        return switch (group) {
            case Measurement.IN_MEMORY -> IN_MEMORY_REFERENCE;
            case Measurement.REDIS -> REDIS_REFERENCE;
            default -> DATABASE_REFERENCE;
        };
    }

    /** The group the reference of {@code group} is measured in: the cluster's is the database group's floor. */
    public static String referenceGroupOf(String group) {
        return Measurement.CLUSTER.equals(group) ? Measurement.DATABASE : group;
    }

    /**
     * One ratio per measurement. {@code order} lists designs in the order tables should show them (the
     * references and the catalogue order); designs not in it follow, alphabetically.
     */
    public static List<Ratio> of(List<Measurement> measurements, List<String> order) {
        List<Ratio> ratios = new ArrayList<>();
        for (Measurement measured : sorted(measurements, order)) {
            Measurement reference = measurements.stream()
                    .filter(other -> other.group().equals(referenceGroupOf(measured.group()))
                            && Objects.equals(other.engine(), measured.engine())
                            && other.threads() == measured.threads()
                            && other.variant().equals(referenceOf(measured.group())))
                    .findFirst().orElse(null);
            ratios.add(Ratio.of(measured, reference));
        }
        return ratios;
    }

    /** Sorted by group (in memory, databases, the cluster), engine, design in {@code order}, threads. */
    public static List<Measurement> sorted(List<Measurement> measurements, List<String> order) {
        Comparator<Measurement> byDesign = Comparator.comparingInt(m -> rank(m.variant(), order));
        return measurements.stream()
                .sorted(Comparator.comparingInt((Measurement m) -> groupRank(m.group()))
                        .thenComparingInt(m -> engineRank(m.engine()))
                        .thenComparing(byDesign)
                        .thenComparing(Measurement::variant)
                        .thenComparingInt(Measurement::threads))
                .toList();
    }

    static int groupRank(String group) {
        return switch (group) {
            case Measurement.IN_MEMORY -> 0;
            case Measurement.DATABASE -> 1;
            case Measurement.REDIS -> 2;
            default -> 3;
        };
    }

    /** H2, PostgreSQL, MariaDB: the order of {@code Engine}. */
    static int engineRank(String engine) {
        return engine == null ? -1 : Engine.ofKey(engine).ordinal();
    }

    static int rank(String variant, List<String> order) {
        int index = order.indexOf(variant);
        return index < 0 ? order.size() : index;
    }
}
