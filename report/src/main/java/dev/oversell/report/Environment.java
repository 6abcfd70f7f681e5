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
        String iterations = "not run";
        for (JsonNode o : evidence.lincheck()) {
            String note = o.path("note").asText();
            if (note.startsWith("linearizable in ")) {
                iterations = note.substring("linearizable in ".length(), note.indexOf(" iterations")) + " iterations per mode";
                break;
            }
        }
        env.put("Lincheck", iterations + ", 2 threads × 2 operations (+1 before, +1 after)");
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
