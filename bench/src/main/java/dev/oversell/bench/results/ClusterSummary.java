package dev.oversell.bench.results;

import dev.oversell.run.MarkdownTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The section of {@code summary.md} on the single owner through a Pekko cluster: the sharded owner's rows (group
 * {@code cluster}) beside the database rows it is read against, on the engines and client counts it ran: the raw
 * {@code UPDATE} (its reference), the conditional {@code UPDATE} design and the home-made single owner. Three
 * tables: ÷ the raw {@code UPDATE}, ÷ the conditional {@code UPDATE} design, and the throughput behind them.
 */
final class ClusterSummary {

    /** The database rows shown beside the cluster's, in this order. */
    static final String CONDITIONAL_UPDATE = "db-conditional-update";
    static final List<String> COMPANIONS = List.of(Ratios.DATABASE_REFERENCE, CONDITIONAL_UPDATE,
            "db-single-owner-actor");

    private ClusterSummary() {
    }

    /** The section, or nothing if the run has no cluster result. */
    static String of(List<Ratio> ratios, List<Integer> plannedClients) {
        List<Ratio> cluster = ratios.stream().filter(r -> Measurement.CLUSTER.equals(r.group())).toList();
        if (cluster.isEmpty()) {
            return "";
        }
        List<String> engines = cluster.stream().map(Ratio::engine).distinct().toList();
        List<Integer> clients = new ArrayList<>(plannedClients);
        cluster.stream().map(Ratio::threads).filter(t -> !clients.contains(t)).forEach(clients::add);
        clients.sort(null);
        List<Column> columns = new ArrayList<>();
        engines.forEach(engine -> clients.forEach(count -> columns.add(new Column(engine, count))));
        List<String> designs = new ArrayList<>(COMPANIONS);
        cluster.stream().map(Ratio::variant).distinct().forEach(designs::add);

        StringBuilder md = new StringBuilder("## The single owner through a Pekko cluster\n\n");
        md.append("The sharded owner (`pekko-sharded-owner-fenced`: one Pekko Cluster Sharding entity per product on three "
                + "node JVMs, writing through to the engine with its fencing token; each client sends its purchases "
                + "to the nodes in turn) beside the database rows of the same run at the same client counts. Each "
                + "fork starts its own cluster, which is not timed; see `docs/benchmarks.md`.\n\n");
        md.append("### ÷ the raw `UPDATE` (`raw-update`) on the same engine with the same clients\n\n");
        table(md, ratios, designs, columns, Ratios.DATABASE_REFERENCE, r -> SummaryMarkdown.ratio(r.ratio()) + flag(r));
        md.append("### ÷ the conditional `UPDATE` design (`db-conditional-update`), same engine and clients\n\n");
        table(md, ratios, designs.subList(1, designs.size()), columns, CONDITIONAL_UPDATE,
                r -> find(ratios, Measurement.DATABASE, CONDITIONAL_UPDATE, r.engine(), r.threads())
                .filter(c -> c.opsPerSecond() != null && c.opsPerSecond() > 0 && r.opsPerSecond() != null)
                .map(c -> SummaryMarkdown.ratio(r.opsPerSecond() / c.opsPerSecond()) + flag(r)).orElse("—"));
        md.append("### Purchases per second\n\n");
        table(md, ratios, designs, columns, Ratios.DATABASE_REFERENCE, r -> SummaryMarkdown.throughput(r) + flag(r));
        md.append("×N: N clients (JMH threads). The database rows are those of the database tables above.\n\n");
        return md.toString();
    }

    private record Column(String engine, int clients) {
    }

    private static void table(StringBuilder md, List<Ratio> ratios, List<String> designs, List<Column> columns,
                              String reference, Function<Ratio, String> cell) {
        List<String> header = new ArrayList<>(List.of("design"));
        columns.forEach(c -> header.add(SummaryMarkdown.label(c.engine()) + " ×" + c.clients()));
        MarkdownTable table = MarkdownTable.of(header).alignRight(IntStream.rangeClosed(1, columns.size()).toArray());
        for (String design : designs) {
            String group = COMPANIONS.contains(design) ? Measurement.DATABASE : Measurement.CLUSTER;
            List<String> row = new ArrayList<>(List.of("`" + design + "`"
                    + (design.equals(reference) ? " (reference)" : "")));
            columns.forEach(c -> row.add(find(ratios, group, design, c.engine(), c.clients()).map(cell).orElse("—")));
            table.row(row);
        }
        md.append(table.render()).append('\n');
    }

    private static Optional<Ratio> find(List<Ratio> ratios, String group, String design, String engine, int clients) {
        return ratios.stream().filter(r -> r.group().equals(group) && r.variant().equals(design)
                && Objects.equals(r.engine(), engine) && r.threads() == clients).findFirst();
    }

    private static String flag(Ratio r) {
        return r.failedPerSecond() != null && r.failedPerSecond() > 0 ? " †" : "";
    }
}
