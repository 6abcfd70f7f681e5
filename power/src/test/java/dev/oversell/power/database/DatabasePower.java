package dev.oversell.power.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oversell.power.database.CorpusDesign.Expected;
import dev.oversell.properties.Evidence;
import dev.oversell.run.RunFolder;
import dev.oversell.store.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The power of the database family, measured on the corpus: per engine, the known bugs caught of those that must
 * be caught there, and the designs flagged of those that must hold there (the false alarms); the misses and false
 * alarms named with what the suite said. Written as the {@value #FAMILY} entry of {@code power/power.json} in the
 * run folder, beside the other families' entries.
 */
final class DatabasePower {

    static final String FAMILY = "databases";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One engine's figures. */
    record OnEngine(String engine, int caught, int knownBugs, int falseAlarms, int mustHold, double seconds) {
    }

    /** One cell where the suite did not say what the corpus expects, and what it said. */
    record Wrong(String design, String engine, String expected, String suiteSaid) {
        @Override
        public String toString() {
            return design + " on " + engine + " (expected " + expected + "): " + suiteSaid;
        }
    }

    /** The family's entry in {@code power.json}. */
    record Figures(int caught, int knownBugs, int falseAlarms, int twins, List<OnEngine> engines, List<Wrong> misses,
                   List<Wrong> falseAlarmCells, List<Wrong> notJudged, Map<String, String> enginesNotRun,
                   double seconds) {

        /** "databases 15/15 caught on H2, ...; 0 false alarms", then what was missed. */
        String line() {
            StringBuilder line = new StringBuilder(FAMILY);
            for (int i = 0; i < engines.size(); i++) {
                OnEngine e = engines.get(i);
                line.append(i == 0 ? " " : ", ").append(e.caught()).append('/').append(e.knownBugs())
                        .append(i == 0 ? " caught on " : " on ").append(e.engine());
            }
            line.append("; ").append(falseAlarmCells.size()).append(" false alarm")
                    .append(falseAlarmCells.size() == 1 ? "" : "s").append(" (of ")
                    .append(engines.stream().mapToInt(OnEngine::mustHold).sum()).append(" cells that must hold)");
            enginesNotRun.forEach((engine, why) -> line.append("; ").append(engine).append(" not run: ").append(why));
            misses.forEach(m -> line.append(System.lineSeparator()).append("  missed: ").append(m));
            falseAlarmCells.forEach(f -> line.append(System.lineSeparator()).append("  false alarm: ").append(f));
            notJudged.forEach(n -> line.append(System.lineSeparator()).append("  not judged: ").append(n));
            return line.toString();
        }
    }

    private DatabasePower() {
    }

    /** The figures for the cells of {@code corpus} that {@code ran}, from the suite's verdicts per engine. */
    static Figures of(List<CorpusDesign> corpus, BiPredicate<CorpusDesign, Engine> ran, Map<Engine, Map<String, SuiteVerdicts.Verdict>> verdicts,
                      Map<String, String> enginesNotRun, double seconds) {
        List<OnEngine> engines = new ArrayList<>();
        List<Wrong> misses = new ArrayList<>();
        List<Wrong> falseAlarms = new ArrayList<>();
        List<Wrong> notJudged = new ArrayList<>();
        Map<String, Boolean> bugCaughtEverywhere = new LinkedHashMap<>();
        Map<String, Boolean> twinHeldEverywhere = new LinkedHashMap<>();
        verdicts.forEach((engine, byDesign) -> {
            int caught = 0, bugs = 0, alarms = 0, hold = 0;
            double cellSeconds = 0;
            for (CorpusDesign design : corpus) {
                Expected expected = design.on(engine).orElse(null);
                if (expected == null || !ran.test(design, engine)) {
                    continue;
                }
                SuiteVerdicts.Verdict verdict = byDesign.get(design.name());
                String said = verdict == null ? "no verdict test ran" : verdict.status() + (verdict.message().isBlank()
                        ? "" : ": " + verdict.summary());
                Wrong wrong = new Wrong(design.name(), engine.label(), expected.name().toLowerCase(), said);
                if (verdict != null) {
                    cellSeconds += verdict.seconds();
                }
                if (verdict == null || !(verdict.failed() || verdict.passed())) {
                    notJudged.add(wrong);
                }
                if (expected == Expected.CAUGHT) {
                    bugs++;
                    boolean ok = verdict != null && verdict.failed();
                    caught += ok ? 1 : 0;
                    if (!ok && verdict != null && verdict.passed()) {
                        misses.add(wrong);
                    }
                    bugCaughtEverywhere.merge(design.name(), ok, Boolean::logicalAnd);
                } else {
                    hold++;
                    boolean ok = verdict != null && verdict.passed();
                    if (verdict != null && verdict.failed()) {
                        alarms++;
                        falseAlarms.add(wrong);
                    }
                    if (design instanceof CorpusDesign.CorrectTwin) {
                        twinHeldEverywhere.merge(design.name(), ok, Boolean::logicalAnd);
                    }
                }
            }
            engines.add(new OnEngine(engine.label(), caught, bugs, alarms, hold, cellSeconds));
        });
        int caughtDesigns = (int) bugCaughtEverywhere.values().stream().filter(b -> b).count();
        int flaggedTwins = (int) twinHeldEverywhere.values().stream().filter(b -> !b).count();
        return new Figures(caughtDesigns, bugCaughtEverywhere.size(), flaggedTwins, twinHeldEverywhere.size(), engines,
                misses, falseAlarms, notJudged, enginesNotRun, seconds);
    }

    /** Writes the figures as the {@value #FAMILY} entry of {@code power/power.json}, keeping the other families'. */
    static Path write(Figures figures) {
        Path file = Evidence.dir("power").resolve("power.json");
        try {
            ObjectNode root = Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile())
                    : JSON.createObjectNode();
            root.put("runId", RunFolder.id());
            ObjectNode families = root.has("families") ? (ObjectNode) root.get("families") : root.putObject("families");
            families.set(FAMILY, JSON.valueToTree(figures));
            JSON.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
