package dev.oversell.stress;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.stress.jcstress.ClaimJudgement;
import dev.oversell.stress.jcstress.ScenarioResult;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JudgedTestsTest {

    private static final String AGAIN = "mvn verify -Dtest=ShopStressTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Doversell.design=counter";

    @TempDir
    Path out;

    @Test
    void aDesignClaimedSafeThatOversoldFailsItsScenarioAndItsClaimWithTheOutcomesAndTheCommand() throws Exception {
        write(List.of(row("LastUnit", "oversold", 3, "counter claims NEVER_OVERSELLS but LastUnit saw oversold"),
                        row("OddStock", "held", 0, null)),
                List.of(claim("counter claims it never oversells, but jcstress (2 scenarios) saw: oversold")));

        Map<String, String> results = run(JudgedTests.of(out, false, "the stress run exited 1"));

        assertThat(results).containsOnlyKeys("counter (NEVER_OVERSELLS) / [counter] LastUnit: oversold in 3 of 1,000 samples",
                "counter (NEVER_OVERSELLS) / [counter] OddStock: held, 1,000 samples",
                "counter (NEVER_OVERSELLS) / [counter] is judged by its claim");
        assertThat(results.get("counter (NEVER_OVERSELLS) / [counter] OddStock: held, 1,000 samples")).isEqualTo("passed");
        assertThat(results.get("counter (NEVER_OVERSELLS) / [counter] is judged by its claim"))
                .startsWith("failed: counter claims it never oversells").contains("[1, 1, 0]", "oversold")
                .contains("Reproduce: " + AGAIN);
        assertThat(results.get("counter (NEVER_OVERSELLS) / [counter] LastUnit: oversold in 3 of 1,000 samples"))
                .startsWith("failed: counter claims NEVER_OVERSELLS but LastUnit saw oversold").contains(AGAIN);
    }

    @Test
    void aScenarioThatCannotRunOnThisMachineIsSkippedWithTheReason() throws Exception {
        ScenarioResult skipped = new ScenarioResult("counter", "NEVER_OVERSELLS", "ShortStock", "x.ShortStock",
                "SKIPPED", 0, 0, 0, 0, List.of(), CheckVerdict.SKIPPED, null, "ShortStock needs 3 CPUs", null, AGAIN);
        write(List.of(skipped, row("LastUnit", "held", 0, null)), List.of(claim(null)));

        assertThat(run(JudgedTests.of(out, true, "exited 0"))).containsEntry(
                "counter (NEVER_OVERSELLS) / [counter] ShortStock: skipped", "skipped: ShortStock needs 3 CPUs");
    }

    @Test
    void aRunThatWroteNothingIsAFailureNotAPass() throws Exception {
        JudgedTests.forget(out);

        assertThat(run(JudgedTests.of(out, false, "the stress run exited 1; no design"))).containsOnlyKeys(
                "the stress run wrote its verdicts").hasEntrySatisfying("the stress run wrote its verdicts",
                outcome -> assertThat(outcome).startsWith("failed: no ").endsWith("the stress run exited 1; no design"));
    }

    @Test
    void aRunThatFailedWithEveryRowPassingStillFails() throws Exception {
        write(List.of(row("LastUnit", "held", 0, null)), List.of(claim(null)));

        assertThat(run(JudgedTests.of(out, false, "the stress run was stopped after 540 s")))
                .containsEntry("the stress run checked something and finished cleanly",
                        "failed: 1 rows in " + out.resolve("summary.json") + "; the stress run was stopped after 540 s");
    }

    private void write(List<ScenarioResult> rows, List<ClaimJudgement> claims) throws Exception {
        new ObjectMapper().writeValue(out.resolve("summary.json").toFile(), rows);
        new ObjectMapper().writeValue(out.resolve("claims.json").toFile(), claims);
    }

    private static ScenarioResult row(String scenario, String verdict, long oversold, String problem) {
        List<ScenarioResult.Count> outcomes = oversold == 0 ? List.of()
                : List.of(new ScenarioResult.Count("1, 1, 0", oversold, "oversold", "FORBIDDEN", "units sold exceed units that existed"),
                new ScenarioResult.Count("1, 0, 0", 1000 - oversold, "held", "ACCEPTABLE", "One buyer got the last unit"));
        return new ScenarioResult("counter", "NEVER_OVERSELLS", scenario, "dev.oversell.stress.scenarios." + scenario,
                "NORMAL", 1000, oversold, 0, 0, outcomes, CheckVerdict.ofWord(verdict), problem, null,
                "counter/html/dev.oversell.stress.scenarios." + scenario + ".html", AGAIN);
    }

    private static ClaimJudgement claim(String problem) {
        return new ClaimJudgement("counter", "NEVER_OVERSELLS", problem, "counter/html/index.html", AGAIN);
    }

    /** Each test's path ("container / test") and what running it gave: passed, failed: message, skipped: reason. */
    private static Map<String, String> run(List<DynamicNode> nodes) {
        Map<String, String> results = new LinkedHashMap<>();
        nodes.forEach(node -> run("", node, results));
        return results;
    }

    private static void run(String path, DynamicNode node, Map<String, String> results) {
        String name = path + node.getDisplayName();
        if (node instanceof DynamicContainer container) {
            container.getChildren().forEach(child -> run(name + " / ", child, results));
            return;
        }
        try {
            ((DynamicTest) node).getExecutable().execute();
            results.put(name, "passed");
        } catch (AssertionFailedError failed) {
            results.put(name, "failed: " + failed.getMessage());
        } catch (TestAbortedException skipped) {
            results.put(name, "skipped: " + skipped.getMessage());
        } catch (Throwable other) {
            results.put(name, "error: " + other);
        }
    }
}
