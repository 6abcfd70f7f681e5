package dev.oversell.report;

import dev.oversell.run.Environment;
import dev.oversell.run.Shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a report: which run (the run folders it was made from, when several; the shard, when one shard's),
 * and the JVMs that measured it, from each family's {@code measuredOn} (never the JVM that writes the report): one
 * line when every family ran on the same kind of JVM, else one per kind naming its families; the engines'
 * versions; whether benchmarks ran. A function of the run folder alone.
 */
final class RunHeader {

    private RunHeader() {
    }

    static Map<String, String> of(RunEvidence run, VerdictMatrix matrix) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Run", run.runId());
        if (!run.missing().isEmpty()) {
            header.put("PARTIAL", "NOT THE WHOLE RUN (ReportMain --partial): " + String.join("; ", run.missing())
                    + ". Their cells read not run, whatever the run measured.");
        }
        if (run.merged()) {
            header.put("Made from", MergedRuns.madeFrom(run.sources()));
        } else {
            run.sources().get(0).shards().stream().filter(k -> !k.whole()).findFirst()
                    .ifPresent(k -> header.put("Shard", k + " (-D" + Shard.SETTING + "): a partial run, its units only;"
                            + " the report of every shard is made from their run folders at once (ReportMain <run"
                            + " folder>... <out>)"));
        }
        measuredOn(run.measuredOn()).forEach(header::put);
        List<String> engines = matrix.engines.stream().map(VerdictMatrix::engineLabel).toList();
        header.put("Engines", engines.isEmpty() ? "none in this run" : String.join(" · ", engines)
                + " (their versions and settings: the table of engines, under the database designs)");
        header.put("Power", run.power() == null ? "not measured in this run" : PowerSection.line(run.power()));
        header.put("Benchmarks", run.benchmarks().isEmpty() ? run.benchmarks().none()
                : run.benchmarks().ratios().size() + " results (" + run.benchmarks().dir() + "/)");
        return header;
    }

    /** "Java 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6, Debian); 2 CPUs; heap 6,028 MiB; JVM arguments: none; Linux 6.1 amd64". */
    static String describe(Environment e) {
        return "Java " + e.javaVersion() + " (" + e.javaVm() + ", " + e.javaVendor() + "); " + e.cpus() + " CPU"
                + (e.cpus() == 1 ? "" : "s") + "; heap " + (e.maxHeapMiB() > 0 ? String.format(Locale.ROOT, "%,d MiB", e.maxHeapMiB())
                : "the JVM's default") + "; JVM arguments: " + (e.jvmArguments() == null || e.jvmArguments().isBlank()
                ? "none" : e.jvmArguments()) + "; " + e.os() + " " + e.arch();
    }

    /**
     * One line per kind of JVM the families were measured on (version, VM, heap, arguments and machine alike), naming
     * its families: one line when they all ran on the same kind.
     */
    static Map<String, String> measuredOn(Map<String, Environment> measured) {
        Map<String, String> lines = new LinkedHashMap<>();
        if (measured.isEmpty()) {
            lines.put("Measured on", "no family recorded the JVM it measured on");
            return lines;
        }
        Map<Environment, List<String>> byJvm = new LinkedHashMap<>();
        measured.forEach((family, environment) -> byJvm.computeIfAbsent(environment, e -> new ArrayList<>()).add(family));
        if (byJvm.size() == 1) {
            lines.put("Measured on", describe(byJvm.keySet().iterator().next()) + " (" + (measured.size() == 1
                    ? "the one family: " : "every family: ") + String.join(", ", measured.keySet()) + ")");
            return lines;
        }
        byJvm.forEach((environment, families) -> lines.put("Measured on, " + String.join(", ", families)
                + " (" + byJvm.size() + " kinds of JVM in this run)", describe(environment)));
        return lines;
    }
}
