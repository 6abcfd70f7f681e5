package dev.oversell.bench.results;

import dev.oversell.run.RatioText;
import dev.oversell.run.MarkdownTable;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code summary.md}: the ratios side by side (in memory by thread count; every engine and client count in one
 * table), then the throughput behind them with JMH's error, the single owner through a Pekko cluster beside its
 * companions ({@link ClusterSummary}), a legend, and the command that reproduces the run.
 * Written for people; {@code ratios.json} has the same numbers for programs.
 */
public final class SummaryMarkdown {

    private SummaryMarkdown() {
    }

    public static String of(List<Ratio> ratios, RunInfo run) {
        StringBuilder md = new StringBuilder();
        header(md, run);
        List<Ratio> inMemory = ratios.stream().filter(r -> Measurement.IN_MEMORY.equals(r.group())).toList();
        List<Ratio> database = ratios.stream().filter(r -> Measurement.DATABASE.equals(r.group())).toList();
        List<String> engines = database.stream().map(Ratio::engine).distinct().toList();

        md.append("## Ratios, side by side\n\n");
        md.append("A design's purchases per second divided by its reference's, measured in the same run at the same "
                + "thread or client count: **1.0** is as fast as the reference, **0.1** a tenth of its throughput "
                + "(ten times slower).\n\n");
        if (!inMemory.isEmpty()) {
            md.append("### In memory: ÷ the CAS loop (`cas-loop`) at the same thread count\n\n");
            table(md, inMemory, columns(inMemory, run.threads(), null), col -> col.threads + (col.threads == 1
                    ? " thread" : " threads"), r -> ratio(r.ratio()) + flag(r));
        }
        if (!database.isEmpty()) {
            md.append("### Databases: ÷ the raw `UPDATE` (`raw-update`) on the same engine with the same clients\n\n");
            List<Column> columns = new ArrayList<>();
            for (String engine : engines) {
                columns.addAll(columns(database, run.clients(), engine));
            }
            table(md, database, columns, col -> label(col.engine) + " ×" + col.threads, r -> ratio(r.ratio()) + flag(r));
            md.append("×N: N clients (JMH threads), each borrowing a connection from the engine's pool per purchase.\n\n");
        }

        md.append("## Throughput behind the ratios\n\n");
        md.append("Purchases per second, summed over all threads or clients, ± half the spread between the lowest "
                + "and highest measurement iteration, relative to the score.\n\n");
        if (!inMemory.isEmpty()) {
            md.append("### In memory\n\n");
            table(md, inMemory, columns(inMemory, run.threads(), null), col -> col.threads + (col.threads == 1
                    ? " thread" : " threads"), r -> throughput(r) + flag(r));
        }
        for (String engine : engines) {
            List<Ratio> ofEngine = database.stream().filter(r -> engine.equals(r.engine())).toList();
            md.append("### ").append(run.engines().getOrDefault(engine, label(engine))).append("\n\n");
            table(md, ofEngine, columns(ofEngine, run.clients(), engine), col -> col.threads + (col.threads == 1
                    ? " client" : " clients"), r -> throughput(r) + flag(r));
        }
        List<Ratio> redis = ratios.stream().filter(r -> Measurement.REDIS.equals(r.group())).toList();
        if (!redis.isEmpty()) {
            md.append("### Redis: ÷ `redis-benchmark` sending `DECRBY` (`redis-benchmark-decrby`) with as many "
                    + "connections\n\n");
            md.append(run.engines().getOrDefault(Measurement.REDIS, "Redis")).append(". Purchases per second "
                    + "· ratio to the ceiling.\n\n");
            table(md, redis, columns(redis, run.clients(), null), col -> col.threads + (col.threads == 1
                    ? " client" : " clients"), r -> throughput(r) + " · " + ratio(r.ratio()) + flag(r));
        }
        md.append(ClusterSummary.of(ratios, run.clients()));
        separability(md, ratios);
        legend(md, run);
        return md.toString();
    }

    private static void header(StringBuilder md, RunInfo run) {
        md.append("# The cost of safety: JMH results\n\n");
        md.append("Measured ").append(run.started()).append(" in ").append(minutesAndSeconds(run.took()))
                .append(", on ").append(run.machine()).append(", ").append(run.jvm()).append(". JMH ")
                .append(run.jmhVersion()).append(", Apache Pekko ").append(run.pekkoVersion()).append(".\n\n");
        md.append("Settings: ").append(run.settings()).append(".\n\n");
        if (!run.engines().isEmpty()) {
            md.append("Engines: ").append(String.join("; ", run.engines().values())).append(".\n\n");
        }
        run.skipped().forEach((engine, why) -> md.append("**Skipped ").append(label(engine)).append("**: ")
                .append(why).append("\n\n"));
        md.append("Reproduce (from the project root):\n\n```sh\n").append(run.buildCommand()).append('\n')
                .append(run.command()).append("\n```\n\n");
        md.append("Measurement only: nothing here is asserted, and a design that may oversell is fast, not right "
                + "(see the verdicts). How to read this and what it cannot tell: `docs/benchmarks.md`.\n\n");
    }

    /**
     * Each column's neighbours, ranked by throughput, and whether this run tells them apart ({@link Separability}):
     * what a reader may rank, and what is noise.
     */
    private static void separability(StringBuilder md, List<Ratio> ratios) {
        List<Separability.Comparison> comparisons = Separability.of(ratios);
        if (comparisons.isEmpty()) {
            return;
        }
        long separable = comparisons.stream().filter(Separability.Comparison::separable).count();
        md.append("## Which comparisons this run can rank\n\n");
        md.append("In each column, each result against the next one down. Separable: both within ±")
                .append(Separability.MAX_SPREAD_PERCENT).append("% and their iteration ranges apart; otherwise not "
                        + "separable, and the two are not ranked. ").append(separable).append(" of ")
                .append(comparisons.size()).append(" are separable.\n\n");
        MarkdownTable table = MarkdownTable.of("column", "faster", "slower", "×", "separable");
        table.alignRight(3);
        for (Separability.Comparison c : comparisons) {
            table.row(c.column(), "`" + c.faster() + "`", "`" + c.slower() + "`",
                    String.format(Locale.ROOT, "%.2f", c.factor()), c.separable() ? "yes" : "not separable: " + c.why());
        }
        md.append(table.render()).append('\n');
    }

    private static void legend(StringBuilder md, RunInfo run) {
        md.append("## Legend\n\n");
        md.append("- `cas-loop` (in memory) and `raw-update` (databases) are the references; `naive` may oversell "
                + "and is there as the speed of no coordination.\n");
        md.append("- `*-blocking-ask`: one ask, then wait; `*-pipelined-asks`: 16 asks sent, then awaited, "
                + "scored per purchase. `oversell-actor-*` is Oversell's runtime, `pekko-*` Apache Pekko typed.\n");
        md.append("- `pekko-sharded-owner-fenced`: the single owner on Pekko Cluster Sharding across three node JVMs, "
                + "fenced; its ratio is to the same engine's `raw-update` at the same clients.\n");
        md.append("- † some purchases failed (retries ran out): they count in the score as calls; "
                + "`failedPerSecond` in `ratios.json` says how many.\n");
        md.append("- — no result: that benchmark's fork failed or was not run (see the console output).\n");
        md.append("- ± is half the spread between the lowest and highest measurement iteration: a sign of noise, "
                + "not a confidence interval. JMH computes its 99.9% error only from 3 iterations on (`error` in "
                + "`ratios.json`, null otherwise). One short run does not establish differences under about 2×.\n");
    }

    /** A column: a thread or client count, on one engine or none. */
    private record Column(String engine, int threads) {
    }

    private static List<Column> columns(List<Ratio> ratios, List<Integer> planned, String engine) {
        Set<Integer> counts = new LinkedHashSet<>(planned);
        ratios.stream().filter(r -> Objects.equals(engine, r.engine())).map(Ratio::threads).sorted()
                .forEach(counts::add);
        return counts.stream().sorted().map(count -> new Column(engine, count)).toList();
    }

    private static void table(StringBuilder md, List<Ratio> ratios, List<Column> columns,
                              java.util.function.Function<Column, String> heading,
                              java.util.function.Function<Ratio, String> cell) {
        Map<String, Map<Column, Ratio>> rows = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            rows.computeIfAbsent(r.variant(), v -> new LinkedHashMap<>()).put(new Column(r.engine(), r.threads()), r);
        }
        List<String> header = new java.util.ArrayList<>(List.of("design"));
        columns.stream().map(heading).forEach(header::add);
        MarkdownTable table = MarkdownTable.of(header);
        table.alignRight(java.util.stream.IntStream.rangeClosed(1, columns.size()).toArray());
        rows.forEach((design, cells) -> {
            List<String> row = new java.util.ArrayList<>(List.of("`" + design + "`"
                    + (design.equals(Ratios.IN_MEMORY_REFERENCE) || design.equals(Ratios.DATABASE_REFERENCE)
                    || design.equals(Ratios.REDIS_REFERENCE)
                    ? " (reference)" : "")));
            columns.stream().map(col -> cells.containsKey(col) ? cell.apply(cells.get(col)) : "—").forEach(row::add);
            table.row(row);
        });
        md.append(table.render()).append('\n');
    }

    /** Two significant digits; below 0.5 also as "1/N", which reads better for small ratios. */
    static String ratio(Double ratio) {
        return RatioText.of(ratio);
    }

    /** The score, ± half the spread between the lowest and highest measurement iteration, relative to the score. */
    static String throughput(Ratio r) {
        if (r.opsPerSecond() == null) {
            return "—";
        }
        String spread = r.min() == null || r.max() == null || r.opsPerSecond() <= 0 ? ""
                : " ±" + Math.round(50 * (r.max() - r.min()) / r.opsPerSecond()) + "%";
        return ops(r.opsPerSecond()) + spread;
    }

    static String ops(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        }
        if (perSecond >= 1e4) {
            return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static String flag(Ratio r) {
        return r.failedPerSecond() != null && r.failedPerSecond() > 0 ? " †" : "";
    }

    static String label(String engineKey) {
        return Measurement.REDIS.equals(engineKey) ? "Redis" : Engine.ofKey(engineKey).label();
    }

    private static String minutesAndSeconds(java.time.Duration took) {
        return took.toMinutes() + " min " + took.toSecondsPart() + " s";
    }
}
