package dev.oversell.stress;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.run.TestNames;
import dev.oversell.stress.jcstress.ClaimJudgement;
import dev.oversell.stress.jcstress.ScenarioResult;
import org.junit.jupiter.api.DynamicNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What a stress run judged ({@code summary.json}, {@code claims.json}), as JUnit tests: per design, one test per
 * scenario, named by the design, the scenario, its verdict and samples ({@link TestNames}), failing when the gate failed it; and one "is judged by its claim"
 * test failing with the reason, the outcomes that show it and the reproduce command. A scenario jcstress cannot run
 * on this machine is a skipped test, with the reason. Nothing here judges anew: the run is the one judge.
 *
 * <p>Never fails open: no evidence, no row, or a run that failed with no failing row, is a failing test.
 */
final class JudgedTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgedTests() {
    }

    /** Removes a previous run's verdicts, so that only this run's can be read. */
    static void forget(Path out) throws IOException {
        Files.deleteIfExists(out.resolve("summary.json"));
        Files.deleteIfExists(out.resolve("claims.json"));
    }

    static List<DynamicNode> of(Path out, boolean runSucceeded, String howTheRunEnded) throws IOException {
        Path summary = out.resolve("summary.json");
        Path claimsFile = out.resolve("claims.json");
        if (!Files.exists(summary) || !Files.exists(claimsFile)) {
            return List.of(dynamicTest("the stress run wrote its verdicts", () -> fail("no " + summary + ": "
                    + howTheRunEnded)));
        }
        List<ScenarioResult> rows = JSON.readValue(summary.toFile(), new TypeReference<>() { });
        List<ClaimJudgement> claims = JSON.readValue(claimsFile.toFile(), new TypeReference<>() { });
        Map<String, List<ScenarioResult>> byDesign = rows.stream()
                .collect(Collectors.groupingBy(ScenarioResult::variant, LinkedHashMap::new, Collectors.toList()));

        List<DynamicNode> nodes = new ArrayList<>();
        byDesign.forEach((design, ofDesign) -> {
            List<DynamicNode> tests = new ArrayList<>();
            ofDesign.forEach(row -> tests.add(scenarioTest(out, row)));
            List<ClaimJudgement> judged = claims.stream().filter(c -> c.variant().equals(design)).toList();
            judged.forEach(claim -> tests.add(claimTest(out, claim, ofDesign)));
            nodes.add(dynamicContainer(design + (judged.isEmpty() ? "" : " (" + judged.get(0).claim() + ")"), tests));
        });
        boolean anyFails = rows.stream().anyMatch(r -> r.problem() != null)
                || claims.stream().anyMatch(c -> c.problem() != null);
        if (rows.isEmpty() || !runSucceeded && !anyFails) {
            nodes.add(dynamicTest("the stress run checked something and finished cleanly", () -> fail(
                    rows.size() + " rows in " + summary + "; " + howTheRunEnded)));
        }
        return nodes;
    }

    private static DynamicNode scenarioTest(Path out, ScenarioResult row) {
        return dynamicTest(TestNames.of(row.variant(), row.scenario() + ": " + verdictOf(row)), () -> {
            if (row.verdict() == CheckVerdict.SKIPPED) {
                abort(row.note());
            }
            if (row.problem() != null) {
                fail(row.problem() + "\n" + outcomes(row) + "Reproduce: " + row.reproduce()
                        + (row.report() == null ? "" : "\nEvidence: " + out.resolve(row.report())));
            }
        });
    }

    private static DynamicNode claimTest(Path out, ClaimJudgement claim, List<ScenarioResult> rows) {
        return dynamicTest(TestNames.of(claim.variant(), TestNames.JUDGED), () -> {
            if (claim.problem() != null) {
                StringBuilder why = new StringBuilder(claim.problem()).append('\n');
                rows.stream().filter(ScenarioResult::sawAnomaly)
                        .forEach(r -> why.append(outcomes(r)));
                fail(why.append("Reproduce: ").append(claim.reproduce()).append("\nEvidence: ")
                        .append(out.resolve(claim.report())).toString());
            }
        });
    }

    private static String verdictOf(ScenarioResult row) {
        if (!row.hangs().isEmpty()) {
            return String.format("%s: %d of its jcstress forks hung; %,d samples", row.verdict(), row.hangs().size(),
                    row.samples());
        }
        long seen = switch (row.verdict()) {
            case OVERSOLD -> row.oversold();
            case LOST_UPDATE -> row.lostUpdate();
            case NOT_LINEARIZABLE -> row.notLinearizable();
            default -> -1;
        };
        if (seen >= 0) {
            return String.format("%s in %,d of %,d samples", row.verdict(), seen, row.samples());
        }
        return row.samples() > 0 ? String.format("%s, %,d samples", row.verdict(), row.samples()) : row.verdict().word();
    }

    /** The counterexample: every outcome jcstress saw in the scenario, with its count and what it means. */
    private static String outcomes(ScenarioResult row) {
        if (row.outcomes().isEmpty() && row.hangs().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(row.variant() + " / " + row.scenario() + ", outcomes seen:\n");
        row.hangs().forEach(hang -> text.append("  a fork hung: ").append(hang.replace("\n", "\n    ")).append('\n'));
        for (ScenarioResult.Count c : row.outcomes()) {
            text.append(String.format("  %-16s %,12d samples  %s: %s%n", "[" + c.outcome() + "]", c.count(),
                    c.meaning(), c.description()));
        }
        return text.toString();
    }
}
