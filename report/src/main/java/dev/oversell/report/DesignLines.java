package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.design.Deployment;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.run.JudgedDesign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's first lines: one per design, its claim and what every check of the run made of it, in a sentence a
 * reviewer can quote. "never oversells: held by every check, every distinct execution"; "may oversell: caught by
 * Lincheck, interleavings on PostgreSQL"; or why it is neither (a check that did not cover what it names, a
 * mismatch). The tables below give each cell; a function of the run's observations alone.
 */
final class DesignLines {

    private DesignLines() {
    }

    /** Each design's line, by name, in the order of the report's tables (in memory, then over a database). */
    static Map<String, String> of(RunEvidence run, VerdictMatrix matrix) {
        Map<String, String> lines = new LinkedHashMap<>();
        List<Observation> all = run.observations();
        List<JudgedDesign> designs = new ArrayList<>(matrix.inMemory.keySet());
        designs.addAll(matrix.database.keySet());
        for (JudgedDesign design : designs) {
            List<Observation> mine = all.stream().filter(o -> o.design().equals(design.name())).toList();
            lines.putIfAbsent(design.name(), line(design, mine));
        }
        return lines;
    }

    /**
     * A design's line: per claim it makes (a design may claim "never" on one instance and "may" on a shared store,
     * or on one engine and not another), what the checks under that claim made of it.
     */
    static String line(JudgedDesign design, List<Observation> observations) {
        Map<Claim, List<Observation>> byClaim = new LinkedHashMap<>();
        for (Observation o : observations) {
            Claim claim = VerdictMatrix.claim(design, (o.engine() == null ? "" : VerdictMatrix.engineKey(o.engine())
                    + "/") + JudgedDesign.key(Families.deployment(o.family())));
            if (claim != Claim.NOT_APPLICABLE && !(o.coverage() instanceof Coverage.NotApplicable)) {
                byClaim.computeIfAbsent(claim, c -> new ArrayList<>()).add(o);
            }
        }
        if (byClaim.isEmpty()) {
            boolean claims = design.claims().values().stream().anyMatch(c -> c != Claim.NOT_APPLICABLE);
            return claims ? "not run" : "claims nothing";
        }
        if (byClaim.size() == 1) {
            Map.Entry<Claim, List<Observation>> only = byClaim.entrySet().iterator().next();
            return sentence(only.getKey(), only.getValue());
        }
        Set<String> everywhere = engines(byClaim.values().stream().flatMap(List::stream).toList());
        List<String> parts = new ArrayList<>();
        byClaim.forEach((claim, group) -> parts.add(places(group, everywhere) + ": " + sentence(claim, group)));
        return String.join("; ", parts);
    }

    /** What the checks under one claim made of the design. */
    private static String sentence(Claim claim, List<Observation> applicable) {
        List<Observation> checked = applicable.stream().filter(Observation::checked).toList();
        Finding worst = checked.stream().map(Observation::finding).reduce(Finding.HELD, Finding::worst);
        if (claim == Claim.MAY_OVERSELL) {
            return worst == Finding.OVERSOLD
                    ? "may oversell: caught by " + seenBy(checked, Finding.OVERSOLD)
                    : "may oversell: NOT DEMONSTRATED, no check saw an oversell (worst seen: " + worst.word() + ")";
        }
        Finding judged = checked.stream().map(Observation::findingForClaim).reduce(Finding.HELD, Finding::worst);
        if (judged.anomaly()) {
            return "never oversells: MISMATCH, " + judged.word() + " seen by " + seenBy(checked, judged);
        }
        long notCovered = applicable.size() - checked.size();
        if (notCovered > 0) {
            return "never oversells: not established, " + notCovered + " of " + applicable.size()
                    + " checks did not cover what they name";
        }
        return "never oversells: held by every check, " + reach(checked) + accepted(checked);
    }

    /**
     * What the design accepted on the way ("; not linearizable in 3 checks, accepted: it may refuse ..."), or nothing:
     * a held claim that came with answers no strict order explains says so.
     */
    private static String accepted(List<Observation> checked) {
        List<Observation> accepted = checked.stream().filter(o -> o.accepted() != null).toList();
        if (accepted.isEmpty()) {
            return "";
        }
        Set<String> relaxations = accepted.stream().map(o -> o.accepted().words())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return "; " + Finding.NOT_LINEARIZABLE.word() + " in " + accepted.size() + " of " + checked.size()
                + " checks, accepted: it " + String.join("; ", relaxations);
    }

    /**
     * Where a group of checks ran: its engines, unless it ran on every engine the design was checked on, and on one
     * instance or several when all of it did: "with several instances", "MariaDB on one instance".
     */
    private static String places(List<Observation> group, Set<String> everywhere) {
        Set<String> engines = engines(group);
        Set<Deployment> deployments = group.stream().map(o -> Families.deployment(o.family()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String where = engines.equals(everywhere) ? "" : String.join(", ", engines);
        String how = deployments.size() > 1 ? "" : deployments.contains(Deployment.SHARED_STORE)
                ? "with several instances" : "on one instance";
        return (where + " " + how).strip();
    }

    private static Set<String> engines(List<Observation> observations) {
        return observations.stream().map(o -> o.engine() == null ? "in memory" : o.engine())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The families whose checks saw {@code finding}, each with its engines: "interleavings on H2, MariaDB; load on H2". */
    private static String seenBy(List<Observation> checked, Finding finding) {
        Map<String, Set<String>> byFamily = new LinkedHashMap<>();
        Map<Observation.Family, Set<String>> faults = new LinkedHashMap<>();
        checked.stream().filter(o -> o.finding() == finding && Families.namesFaults(o.family()))
                .forEach(o -> faults.computeIfAbsent(o.family(), f -> new LinkedHashSet<>()).add(o.cell()));
        checked.stream().filter(o -> o.finding() == finding).forEach(o -> {
            String family = Families.label(o.family()) + (faults.containsKey(o.family())
                    ? " (" + String.join(", ", faults.get(o.family())) + ")" : "");
            Set<String> engines = byFamily.computeIfAbsent(family, f -> new LinkedHashSet<>());
            if (o.engine() != null) {
                engines.add(o.engine());
            }
        });
        return byFamily.entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? ""
                : " on " + String.join(", ", e.getValue()))).collect(Collectors.joining("; "));
    }

    /** How far the checks reached, in the coverage's own words: every execution, or which were bounded or sampled. */
    private static String reach(List<Observation> checked) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Observation o : checked) {
            Coverage c = o.coverage();
            if (c instanceof Coverage.Every) {
                kinds.add("every distinct execution");
            } else if (c instanceof Coverage.EveryReachable) {
                kinds.add("every one the engine let be reached");
            } else if (c instanceof Coverage.Bounded) {
                kinds.add("bounded");
            } else if (c instanceof Coverage.Sampled) {
                kinds.add("sampled");
            }
        }
        if (kinds.size() == 1 && kinds.contains("every distinct execution")) {
            return "every distinct execution";
        }
        return "some of them " + String.join(", some ", kinds) + " (the cells below say which)";
    }
}
