package dev.oversell.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oversell.design.DatabaseVariant;
import dev.oversell.design.InMemoryVariant;
import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.design.Variant;
import dev.oversell.design.Variants;
import dev.oversell.store.Engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts of one run, Hermitage-style, as two tables so that neither is mostly "n/a":
 * <ul>
 *   <li>in-memory designs ({@link InMemoryVariant}): one row each, one column for Lincheck and one per jcstress
 *       scenario this run chose;</li>
 *   <li>database designs ({@link DatabaseVariant}): one row each, and per {@link Engine} its claims and the cells of
 *       the interleavings, the load run and the deployment with 2 instances ({@link EngineCells}).</li>
 * </ul>
 * Each cell is the verdict this run measured, with counts and a link to its evidence. Built from
 * {@link RunEvidence} and the designs {@link Variants#all()} finds, nothing else: nothing here is written by hand.
 */
final class VerdictMatrix {

    static final String LINCHECK = "Lincheck";
    static final String JCSTRESS = "jcstress";
    private static final List<String> SCENARIO_ORDER = List.of("LastUnit", "ShortStock", "ShortStockTwoThreads",
            "BigAndSmallBuyer", "OddStock", "TwoProducts", "BuyRacingRestock", "CloseRacingPurchase");

    /** The in-memory table's check columns: Lincheck, then one per jcstress scenario. */
    final List<Column> inMemoryColumns = new ArrayList<>();
    final Map<InMemoryVariant, Map<Column, Cell>> inMemory = new LinkedHashMap<>();
    final Map<DatabaseVariant, Map<Engine, EngineCells>> database = new LinkedHashMap<>();
    final List<Counterexample> counterexamples = new ArrayList<>();
    final List<JsonNode> runtimeChecks = new ArrayList<>();

    static VerdictMatrix of(RunEvidence evidence) {
        VerdictMatrix m = new VerdictMatrix();
        Column lincheck = new Column(LINCHECK, "");
        m.inMemoryColumns.add(lincheck);
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
            Column c = new Column(JCSTRESS, scenario);
            scenarioColumns.put(scenario, c);
            m.inMemoryColumns.add(c);
        }
        for (Variant variant : Variants.all()) {
            if (variant instanceof InMemoryVariant design) {
                Map<Column, Cell> row = new LinkedHashMap<>();
                row.put(lincheck, m.lincheckCell(design, evidence));
                scenarioColumns.forEach((scenario, column) -> row.put(column, m.jcstressCell(design, scenario, evidence)));
                m.inMemory.put(design, row);
            } else if (variant instanceof DatabaseVariant design) {
                Map<Engine, EngineCells> row = new LinkedHashMap<>();
                for (Engine engine : Engine.values()) {
                    row.put(engine, new EngineCells(design.claim(Deployment.SINGLE_INSTANCE, engine),
                            design.claim(Deployment.SHARED_STORE, engine), m.interleavingsCell(design, engine, evidence),
                            m.loadCell(design, engine, evidence), m.deploymentCell(design, engine, evidence)));
                }
                m.database.put(design, row);
            }
        }
        return m;
    }

    /** How many designs the tables hold, both together. */
    int designs() {
        return inMemory.size() + database.size();
    }

    /** A claim as the tables print it: "never oversells", "may oversell". */
    static String words(Claim claim) {
        return switch (claim) {
            case NEVER_OVERSELLS -> "never oversells";
            case MAY_OVERSELL -> "may oversell";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    /** A claim in one word, where the table is tight: "never", "may". */
    static String word(Claim claim) {
        return switch (claim) {
            case NEVER_OVERSELLS -> "never";
            case MAY_OVERSELL -> "may";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    private Cell lincheckCell(InMemoryVariant variant, RunEvidence evidence) {
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

    private Cell jcstressCell(InMemoryVariant variant, String scenario, RunEvidence evidence) {
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
                                r.path("reproduce").asText(), link));
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

    private JsonNode databaseObservation(DatabaseVariant variant, Engine engine, JsonNode all) {
        for (JsonNode o : all) {
            if (o.path("variant").asText().equals(variant.name()) && o.path("engine").asText().equals(engine.key())) {
                return o;
            }
        }
        return null;
    }

    private Cell interleavingsCell(DatabaseVariant variant, Engine engine, RunEvidence evidence) {
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

    private Cell loadCell(DatabaseVariant variant, Engine engine, RunEvidence evidence) {
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

    private Cell deploymentCell(DatabaseVariant variant, Engine engine, RunEvidence evidence) {
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
        return new Cell(verdict, parts.isEmpty() ? "under load" : String.join("; ", parts), link);
    }

    private static String line(String text, String marker) {
        return text.lines().filter(l -> l.contains(marker)).findFirst()
                .map(l -> l.substring(l.indexOf(marker) + marker.length()).trim()).orElse("");
    }
}
