package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The header of a report: where and how this run was made, so that a cited result can be placed. */
final class Environment {

    private Environment() {
    }

    static Map<String, String> of(RunEvidence evidence) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Run", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        env.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")");
        env.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("CPUs", String.valueOf(Runtime.getRuntime().availableProcessors()));
        Map<String, String> engines = new LinkedHashMap<>();
        for (JsonNode o : evidence.database()) {
            if (!o.path("engineVersion").isNull()) {
                engines.putIfAbsent(o.path("engine").asText(), o.path("engineVersion").asText());
            }
        }
        env.put("Engines", engines.isEmpty() ? "none measured" : String.join("; ", engines.values()));
        env.put("jcstress mode", evidence.jcstressOptions() == null ? "not run" : evidence.jcstressOptions());
        Map<String, java.util.Set<String>> workloads = new java.util.TreeMap<>();
        int threads = 0;
        for (JsonNode o : evidence.lincheck()) {
            workloads.computeIfAbsent(o.path("mode").asText(), m -> new java.util.TreeSet<>()).add(o.path("workload").asText());
            threads = Math.max(threads, o.path("threads").asInt());
        }
        env.put("Lincheck", workloads.isEmpty() ? "not run" : workloads.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().size() + " workloads").collect(java.util.stream.Collectors
                        .joining("; ")) + "; up to " + threads + " threads (see lincheck/summary.md)");
        long seed = -1;
        for (JsonNode o : evidence.database()) {
            if (o.path("load").has("seed")) {
                seed = o.path("load").path("seed").asLong();
                break;
            }
        }
        env.put("Seeds", "database load seed " + (seed < 0 ? "(no load run)" : String.valueOf(seed))
                + "; the conformance base seed is printed by the build ([conformance] line)");
        env.put("Benchmarks", evidence.jmh().size() == 0 ? "not in this run" : evidence.jmh().size() + " results");
        return env;
    }
}
