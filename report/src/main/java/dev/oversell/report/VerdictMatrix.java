package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oversell.design.DatabaseVariant;
import dev.oversell.design.InMemoryVariant;
import dev.oversell.design.Variants;
import dev.oversell.design.Deployment;
import dev.oversell.design.Variant;
import dev.oversell.store.Engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdict matrix, Hermitage-style: one row per catalogue variant, one column per check (Lincheck, each
 * jcstress scenario, each engine's interleavings and load run, each engine with several instances), each
 * cell the verdict this run measured, with counts and a link to its evidence. Built from {@link RunEvidence}
 * only: nothing here is written by hand.
 */
final class VerdictMatrix {

    static final String LINCHECK = "Lincheck";
    static final String JCSTRESS = "jcstress";
    private static final List<String> SCENARIO_ORDER = List.of("LastUnit", "ShortStock", "ShortStockTwoThreads",
            "BigAndSmallBuyer", "OddStock", "TwoProducts", "BuyRacingRestock", "CloseRacingPurchase");

    final List<Column> columns = new ArrayList<>();
    final Map<String, Map<Column, Cell>> rows = new LinkedHashMap<>();
    final List<Counterexample> counterexamples = new ArrayList<>();
    final List<JsonNode> runtimeChecks = new ArrayList<>();

    static VerdictMatrix of(RunEvidence evidence) {
        VerdictMatrix m = new VerdictMatrix();
        Column lincheck = new Column(LINCHECK, "Lincheck");
        m.columns.add(lincheck);
        Set<String> measured = new LinkedHashSet<>();
        for (JsonNode r : evidence.jcstress()) {
            if (r.path("variant").asText().equals("actor-runtime")) {
                m.runtimeChecks.add(r);
            } else {
                measured.add(r.path("scenario").asText());
            }
        }
        Set<String> scenarios = new LinkedHashSet<>(SCENARIO_ORDER);
        scenarios.retainAll(measured); // the scenarios this run chose, in the usual order, then any others
        scenarios.addAll(measured);
        Map<String, Column> scenarioColumns = new LinkedHashMap<>();
        for (String scenario : scenarios) {
            Column c = new Column(JCSTRESS, "jcstress " + scenario);
            scenarioColumns.put(scenario, c);
            m.columns.add(c);
        }
        Map<Engine, Column[]> engineColumns = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            Column[] cs = {new Column(engine.label(), engine.label() + " interleavings"),
                    new Column(engine.label(), engine.label() + " load")};
            engineColumns.put(engine, cs);
            m.columns.addAll(List.of(cs));
        }
        Map<Engine, Column> deploymentColumns = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            Column c = new Column(engine.label() + ", 2 instances", engine.label() + ", 2 instances");
            deploymentColumns.put(engine, c);
            m.columns.add(c);
        }
        for (Variant variant : Variants.all()) {
            Map<Column, Cell> row = new LinkedHashMap<>();
            row.put(lincheck, m.lincheckCell(variant, evidence));
            scenarioColumns.forEach((scenario, column) -> row.put(column, m.jcstressCell(variant, scenario, evidence)));
            engineColumns.forEach((engine, cs) -> {
                row.put(cs[0], m.interleavingsCell(variant, engine, evidence));
                row.put(cs[1], m.loadCell(variant, engine, evidence));
            });
            deploymentColumns.forEach((engine, column) -> row.put(column, m.deploymentCell(variant, engine, evidence)));
            m.rows.put(variant.name(), row);
        }
        return m;
    }

    /** The claim printed beside a variant's name. */
    static String claims(Variant variant) {
        if (!(variant instanceof DatabaseVariant database)) {
            return ((InMemoryVariant) variant).claim().name();
        }
        StringBuilder out = new StringBuilder();
        for (Engine engine : Engine.values()) {
            out.append(out.length() == 0 ? "" : "; ").append(engine.label()).append(' ')
                    .append(short_(database.claim(Deployment.SINGLE_INSTANCE, engine))).append(" / ×2 ")
                    .append(short_(database.claim(Deployment.SHARED_STORE, engine)));
        }
        return out.toString();
    }

    private static String short_(dev.oversell.design.Claim claim) {
        return switch (claim) {
            case NEVER_OVERSELLS -> "never";
            case MAY_OVERSELL -> "may";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    private Cell lincheckCell(Variant variant, RunEvidence evidence) {
        if (!variant.inMemory()) {
            return Cell.notApplicable("database design");
        }
        int held = 0;
        int runs = 0;
        int notChecked = 0;
        Verdict worst = null;
        JsonNode worstObservation = null;
        for (JsonNode o : evidence.lincheck()) {
            if (!o.path("variant").asText().equals(variant.name())) {
                continue;
            }
            String observed = o.path("observed").asText();
            if (observed.equals("not checked")) {
                notChecked++;
                continue;
            }
            if (observed.equals("not reached")) {
                continue;
            }
            runs++;
            Verdict v = Verdict.ofWord(observed);
            if (v == Verdict.HELD) {
                held++;
            } else if (worst == null || v.ordinal() < worst.ordinal()) {
                worst = v;
                worstObservation = o;
            }
        }
        if (worst != null) {
            int ops = worstObservation.path("scenarioOperations").asInt();
            String link = worstObservation.path("evidenceFile").isNull() ? null
                    : worstObservation.path("evidenceFile").asText(null);
            if (worst == Verdict.OVERSOLD) {
                String text = evidence.evidenceText(link);
                counterexamples.add(new Counterexample(variant.name(), "Lincheck", worstObservation.path("mode").asText()
                        + ", " + worstObservation.path("workload").asText(), text, line(text, "Reproduce:"), link));
            }
            return new Cell(worst, worst.word + ", " + ops + " operations ("
                    + worstObservation.path("mode").asText() + ")", link);
        }
        if (notChecked > 0) {
            return Cell.notRun(notChecked + " Lincheck checks not run: the time budget ran out");
        }
        if (runs == 0) {
            return Cell.notRun("no Lincheck results in this run");
        }
        return new Cell(Verdict.HELD, "linearizable in " + held + " checks", "lincheck/summary.md");
    }

    private Cell jcstressCell(Variant variant, String scenario, RunEvidence evidence) {
        if (!variant.inMemory()) {
            return Cell.notApplicable("database design");
        }
        for (JsonNode r : evidence.jcstress()) {
            if (!r.path("variant").asText().equals(variant.name()) || !r.path("scenario").asText().equals(scenario)) {
                continue;
            }
            long samples = r.path("samples").asLong();
            String link = "jcstress/html/index.html";
            String verdict = r.path("verdict").asText();
            switch (verdict) {
                case "oversold", "lost update", "not linearizable" -> {
                    Verdict v = Verdict.ofWord(verdict);
                    long count = r.path(switch (v) {
                        case OVERSOLD -> "oversold";
                        case LOST_UPDATE -> "lostUpdate";
                        default -> "notLinearizable";
                    }).asLong();
                    if (v == Verdict.OVERSOLD && counterexamples.stream()
                            .noneMatch(c -> c.variant().equals(variant.name()) && c.check().equals(JCSTRESS))) {
                        counterexamples.add(new Counterexample(variant.name(), JCSTRESS, scenario, outcomes(r),
                                "mvn -pl stress -am verify -DskipTests -Doversell.jcstress.skip=false -Doversell.variant=" + variant.name(), link));
                    }
                    return new Cell(v, String.format("%,d of %,d samples %s", count, samples, verdict), link);
                }
                case "held" -> {
                    return new Cell(Verdict.HELD, String.format("%,d samples", samples), link);
                }
                case "skipped" -> {
                    return new Cell(Verdict.SKIPPED, r.path("note").asText().replaceAll(" \\(one per.*", ""), null);
                }
                default -> {
                    return new Cell(Verdict.NOT_RUN, verdict + ": " + r.path("problem").asText(), link);
                }
            }
        }
        return Cell.notRun("no jcstress result in this run");
    }

    private static String outcomes(JsonNode r) {
        StringBuilder out = new StringBuilder("outcome | samples | grading | meaning\n");
        for (JsonNode c : r.path("outcomes")) {
            out.append(String.format("%s | %,d | %s | %s%n", c.path("outcome").asText(), c.path("count").asLong(),
                    c.path("grading").asText(c.path("meaning").asText()), c.path("description").asText()));
        }
        return out.toString();
    }

    private JsonNode databaseObservation(Variant variant, Engine engine, JsonNode all) {
        for (JsonNode o : all) {
            if (o.path("variant").asText().equals(variant.name()) && o.path("engine").asText().equals(engine.key())) {
                return o;
            }
        }
        return null;
    }

    private Cell interleavingsCell(Variant variant, Engine engine, RunEvidence evidence) {
        if (variant.inMemory()) {
            return Cell.notApplicable("in memory");
        }
        JsonNode o = databaseObservation(variant, engine, evidence.database());
        if (o == null) {
            return Cell.notRun(engine.label() + " not measured in this run");
        }
        int schedules = o.path("schedules").asInt();
        if (schedules == 0) {
            return Cell.notApplicable("no step script (wraps a store)");
        }
        String link = o.path("scriptFile").isNull() ? null : "database/" + o.path("scriptFile").asText();
        Verdict verdict = Verdict.ofWord(o.path("schedulesVerdict").asText("held"));
        int oversold = o.path("oversoldSchedules").asInt();
        if (oversold > 0) {
            String text = evidence.evidenceText(link);
            counterexamples.add(new Counterexample(variant.name(), engine.label() + " interleavings",
                    "schedule " + o.path("shownSchedule").asText(), text, line(text, "Reproduce:"), link));
        }
        if (verdict != Verdict.HELD) {
            int count = o.path("scheduleFindings").path(verdict.word).asInt();
            return new Cell(verdict, count + " of " + schedules + " schedules " + verdict.word, link);
        }
        return new Cell(Verdict.HELD, schedules + " schedules, e.g. " + o.path("shownKind").asText(), link);
    }

    private Cell loadCell(Variant variant, Engine engine, RunEvidence evidence) {
        if (variant.inMemory()) {
            return Cell.notApplicable("in memory");
        }
        JsonNode o = databaseObservation(variant, engine, evidence.database());
        if (o == null || o.path("load").isNull() || o.path("load").isMissingNode()) {
            return Cell.notRun(engine.label() + " not measured in this run");
        }
        JsonNode load = o.path("load");
        String counts = load.path("attempted").asInt() + " purchases, " + load.path("unitsSold").asLong() + " sold of "
                + (load.path("initialStock").asLong() + load.path("restocked").asLong()) + ", seed " + load.path("seed").asLong();
        Verdict verdict = Verdict.ofWord(load.path("finding").asText());
        if (verdict == Verdict.OVERSOLD) {
            return new Cell(verdict, load.path("oversoldUnits").asLong() + " units oversold (" + counts + ")",
                    "database/summary.md");
        }
        if (verdict != Verdict.HELD) {
            return new Cell(verdict, String.join("; ", texts(load.path("brokenInvariants"))) + " (" + counts + ")",
                    "database/summary.md");
        }
        return new Cell(Verdict.HELD, counts, "database/summary.md");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Cell deploymentCell(Variant variant, Engine engine, RunEvidence evidence) {
        if (variant.inMemory()) {
            return Cell.notApplicable("no shared store");
        }
        JsonNode o = databaseObservation(variant, engine, evidence.deployment());
        if (o == null) {
            return Cell.notRun(engine.label() + " not measured in this run");
        }
        String link = o.path("handOverScript").isNull() ? "deployment/summary.md"
                : "deployment/" + o.path("handOverScript").asText();
        List<String> parts = new ArrayList<>();
        JsonNode r = o.path("smallestReproduction");
        if (!r.isNull() && !r.isMissingNode()) {
            parts.add("smallest: " + r.path("buyers").asInt() + " buyers, " + r.path("units").asLong() + " unit(s)");
        }
        if (o.path("handOverSchedules").size() > 0) {
            parts.add("hand-over " + o.path("handOversOversold").asInt() + " of "
                    + o.path("handOverSchedules").properties().stream().mapToInt(e -> e.getValue().asInt()).sum()
                    + " schedules oversold");
        }
        JsonNode p = o.path("separateProcesses");
        if (!p.isNull() && !p.isMissingNode()) {
            parts.add("2 processes sold " + p.path("unitsSold").asLong() + " of 10");
        }
        Verdict verdict = Verdict.ofWord(o.path("verdict").asText());
        if (verdict == Verdict.OVERSOLD && o.path("handOversOversold").asInt() > 0) {
            String text = evidence.evidenceText(link);
            counterexamples.add(new Counterexample(variant.name(), engine.label() + ", 2 instances",
                    "ownership hand-over", text, line(text, "Reproduce:"), link));
        }
        return new Cell(verdict, parts.isEmpty() ? verdict.word + " under load" : String.join("; ", parts), link);
    }

    private static String line(String text, String marker) {
        return text.lines().filter(l -> l.contains(marker)).findFirst()
                .map(l -> l.substring(l.indexOf(marker) + marker.length()).trim()).orElse("");
    }

    /** The families, in column order (one column each in the docs snapshot). */
    List<String> families() {
        return columns.stream().map(Column::family).distinct().toList();
    }

    /** A variant's verdict for a family of checks: its cells combined. */
    Verdict familyVerdict(String variant, String family) {
        return Verdict.combine(rows.get(variant).entrySet().stream().filter(e -> e.getKey().family().equals(family))
                .map(e -> e.getValue().verdict()).toList());
    }
}
