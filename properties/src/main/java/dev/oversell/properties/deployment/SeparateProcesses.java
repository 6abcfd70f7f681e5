package dev.oversell.properties.deployment;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@value #PROCESSES} {@link InstanceProcess}es of one design over one store, released together, and
 * judges the sale from their answers and the final stock. Bounded: a process that has not finished within
 * {@value #BOUND_SECONDS} s is killed and the run fails.
 */
final class SeparateProcesses {

    static final int PROCESSES = 2;
    static final int BUYERS = 4;
    static final int PURCHASES = 4;
    static final long STOCK = 10;
    static final long BOUND_SECONDS = 90;

    private SeparateProcesses() {
    }

    /**
     * What the processes' buyers were told, whether the store agrees (stock + sold = initial), and what the
     * accounts show in the words of {@link Finding} ({@code finding}).
     */
    record Outcome(int processes, int attempted, int purchased, int failed, long unitsSold, long finalStock,
                   long oversoldUnits, boolean conserved, String finding) {

        Finding judged() {
            return Finding.ofWord(finding);
        }
    }

    static Outcome run(DatabaseDesign variant, Engine engine, Store store) throws IOException, InterruptedException {
        store.reset(Map.of("hot", STOCK));
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        try {
            for (int i = 0; i < PROCESSES; i++) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path"))));
                System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("oversell."))
                        .forEach(n -> command.add("-D" + n + "=" + System.getProperty(n)));
                // the column's database as this JVM found it (MariaDB's snapshot column: one of its own, or not)
                command.add("-Doversell." + engine.key() + ".url=" + DatabaseSettings.url(engine));
                command.addAll(List.of(InstanceProcess.class.getName(), engine.key(), store.id(), variant.name(),
                        String.valueOf(i), String.valueOf(BUYERS), String.valueOf(PURCHASES)));
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                processes.add(p);
                outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : outputs) {
                String line = output.readLine();
                if (!"READY".equals(line)) {
                    throw new IllegalStateException("an instance process did not start: " + line);
                }
            }
            for (Process p : processes) {
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                in.write("GO\n");
                in.flush();
            }
            int attempted = 0;
            int purchased = 0;
            int failed = 0;
            long sold = 0;
            for (BufferedReader output : outputs) {
                for (String line = output.readLine(); line != null && !line.equals("DONE"); line = output.readLine()) {
                    if (line.startsWith("ANSWER ")) {
                        attempted++;
                        long units = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                        sold += units;
                        purchased += units > 0 ? 1 : 0;
                    } else if (line.startsWith("FAILED ")) {
                        attempted++;
                        failed++;
                    }
                }
            }
            for (Process p : processes) {
                if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("an instance process did not finish within " + BOUND_SECONDS + " s");
                }
            }
            long finalStock;
            try (Inventory reader = DatabaseDesigns.attach(variant, store)) {
                finalStock = reader.stock("hot");
            }
            return new Outcome(PROCESSES, attempted, purchased, failed, sold, finalStock, Math.max(0, sold - STOCK),
                    finalStock + sold == STOCK, Finding.ofAccounts(STOCK, sold, finalStock).word());
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
