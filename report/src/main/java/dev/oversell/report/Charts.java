package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Inline SVG bar charts from the JMH ratios: throughput of the in-memory designs per thread count (log scale),
 * and the cost of safety of the database designs (the single owner through a Pekko cluster among them, group
 * {@code cluster}), as a ratio to the raw conditional UPDATE on the same engine.
 * Plain SVG, no script, so the page reads offline and in any browser.
 */
final class Charts {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};

    private Charts() {
    }

    static String name(JsonNode r) {
        String name = r.path("variant").asText("");
        return name.isEmpty() ? r.path("benchmark").asText("?") : name;
    }

    static String inMemoryThroughput(JsonNode jmh) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        TreeSet<Integer> threads = new TreeSet<>();
        for (JsonNode r : jmh) {
            if (!r.path("group").asText().startsWith("in")) {
                continue;
            }
            threads.add(r.path("threads").asInt());
            rows.computeIfAbsent(name(r), k -> new LinkedHashMap<>()).put(r.path("threads").asInt() + " threads",
                    r.path("opsPerSecond").asDouble());
        }
        List<String> series = threads.stream().map(t -> t + " threads").toList();
        return bars("In-memory designs: purchases per second on one hot product (log scale)", rows, series, true, "ops/s");
    }

    static String costOfSafety(JsonNode jmh) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        TreeSet<Integer> clients = new TreeSet<>();
        for (JsonNode r : jmh) {
            if (againstTheFloor(r)) {
                clients.add(r.path("threads").asInt());
            }
        }
        int shown = clients.contains(4) ? 4 : clients.isEmpty() ? 0 : clients.last();
        List<String> engines = new ArrayList<>();
        for (JsonNode r : jmh) {
            if (!againstTheFloor(r) || r.path("threads").asInt() != shown) {
                continue;
            }
            String engine = r.path("engine").asText("?");
            if (!engines.contains(engine)) {
                engines.add(engine);
            }
            rows.computeIfAbsent(name(r), k -> new LinkedHashMap<>()).put(engine, r.path("ratio").asDouble());
        }
        return bars("Cost of safety: database designs relative to the raw conditional UPDATE on the same engine ("
                + shown + " clients; 1.0 = the engine's floor)", rows, engines, false, "× the raw UPDATE");
    }

    /** A database design, or the single owner through the cluster: each divided by its engine's raw UPDATE. */
    private static boolean againstTheFloor(JsonNode r) {
        String group = r.path("group").asText();
        return group.startsWith("data") || group.equals("cluster");
    }

    private static String bars(String title, Map<String, Map<String, Double>> rows, List<String> series, boolean log,
                               String unit) {
        if (rows.isEmpty()) {
            return "<p class=\"note\">" + Html.escape(title) + ": no results in this run.</p>";
        }
        int labelWidth = 260;
        int plotWidth = 560;
        int barHeight = 12;
        int rowHeight = barHeight * series.size() + 10;
        int top = 40;
        int height = top + rows.size() * rowHeight + 40;
        double max = rows.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        double min = rows.values().stream().flatMap(m -> m.values().stream()).filter(v -> v > 0)
                .mapToDouble(Double::doubleValue).min().orElse(1);
        double lo = log ? Math.floor(Math.log10(min)) : 0;
        double hi = log ? Math.ceil(Math.log10(max)) : max * 1.1;
        StringBuilder svg = new StringBuilder(String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" width=\"%d\" height=\"%d\">"
                        + "<title>%s</title><text x=\"0\" y=\"16\" class=\"chart-title\">%s</text>",
                labelWidth + plotWidth + 420, height, Html.escape(title), Html.escape(title)));
        int y = top;
        for (var row : rows.entrySet()) {
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>",
                    labelWidth - 8, y + rowHeight / 2, Html.escape(row.getKey())));
            for (int s = 0; s < series.size(); s++) {
                Double value = row.getValue().get(series.get(s));
                if (value == null || value <= 0) {
                    continue;
                }
                double scaled = log ? (Math.log10(value) - lo) / Math.max(1e-9, hi - lo) : value / hi;
                int w = (int) Math.max(1, Math.round(scaled * plotWidth));
                svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s, %s: %s</title></rect><text x=\"%d\" y=\"%d\" class=\"value\">%s</text>",
                        labelWidth, y + s * barHeight, w, barHeight - 2, COLOURS[s % COLOURS.length],
                        Html.escape(row.getKey()), Html.escape(series.get(s)), format(value), labelWidth + w + 4,
                        y + s * barHeight + barHeight - 3, format(value)));
            }
            y += rowHeight;
        }
        int lx = labelWidth;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", lx, height - 20,
                    COLOURS[s % COLOURS.length], lx + 14, height - 11, Html.escape(series.get(s))));
            lx += 30 + 8 * series.get(s).length();
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" class=\"label\">%s</text></svg>", lx + 10, height - 11,
                Html.escape(unit)));
        return svg.toString();
    }

    private static String format(double value) {
        if (value >= 1_000_000) {
            return String.format("%.1fM", value / 1_000_000);
        }
        if (value >= 1_000) {
            return String.format("%.1fk", value / 1_000);
        }
        return String.format("%.2f", value);
    }
}
