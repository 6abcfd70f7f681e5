package dev.oversell.bench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which neighbours of one column (one group, engine and thread or client count), ranked by throughput, the run can
 * tell apart. A comparison is <em>separable</em> when both results' spreads (half the range of their measurement
 * iterations, relative to the score) are within {@value #MAX_SPREAD_PERCENT} % and their ranges do not overlap; else
 * it is printed as not separable, and the run does not rank the two. Non-overlapping ranges of a few iterations are a
 * condition for a ranking, not a statistical test: more iterations and forks make it one.
 */
public final class Separability {

    /** The largest spread, ± % of the score, at which a result may rank against another. */
    public static final int MAX_SPREAD_PERCENT = 10;

    private Separability() {
    }

    /** {@code faster} against {@code slower} in {@code column}: how many times faster, and whether it is separable. */
    public record Comparison(String column, String faster, String slower, double factor, boolean separable, String why) {
    }

    /** The comparisons of every column's neighbours, highest throughput first, columns in the order given. */
    public static List<Comparison> of(List<Ratio> ratios) {
        Map<String, List<Ratio>> columns = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            if (r.opsPerSecond() != null && r.opsPerSecond() > 0) {
                columns.computeIfAbsent(column(r), c -> new ArrayList<>()).add(r);
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        columns.forEach((column, results) -> {
            List<Ratio> ranked = results.stream().sorted(Comparator.comparingDouble(Ratio::opsPerSecond).reversed())
                    .toList();
            for (int i = 0; i + 1 < ranked.size(); i++) {
                comparisons.add(compare(column, ranked.get(i), ranked.get(i + 1)));
            }
        });
        return comparisons;
    }

    static Comparison compare(String column, Ratio faster, Ratio slower) {
        double factor = faster.opsPerSecond() / slower.opsPerSecond();
        String why;
        if (faster.min() == null || faster.max() == null || slower.min() == null || slower.max() == null) {
            why = "no iteration range";
        } else if (spread(faster) > MAX_SPREAD_PERCENT || spread(slower) > MAX_SPREAD_PERCENT) {
            why = "spread over ±" + MAX_SPREAD_PERCENT + "% (" + faster.variant() + " ±" + Math.round(spread(faster))
                    + "%, " + slower.variant() + " ±" + Math.round(spread(slower)) + "%)";
        } else if (slower.max() >= faster.min()) {
            why = "the iteration ranges overlap";
        } else {
            why = null;
        }
        return new Comparison(column, faster.variant(), slower.variant(), factor, why == null,
                Objects.requireNonNullElse(why, "within ±" + MAX_SPREAD_PERCENT + "%, ranges apart"));
    }

    /** Half the range of the iterations, in % of the score. */
    static double spread(Ratio r) {
        return 50 * (r.max() - r.min()) / r.opsPerSecond();
    }

    private static String column(Ratio r) {
        return r.group() + (r.engine() == null ? "" : ", " + r.engine()) + ", ×" + r.threads();
    }
}
