package dev.oversell.stress.gate;

import dev.oversell.design.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimJudgementTest {

    @Test
    void neverOversellsFailsOnAnyAnomalyInAnyScenario() {
        ClaimJudgement judged = judge(Claim.NEVER_OVERSELLS, row("LastUnit", "held"), row("OddStock", "lost update"));

        assertThat(judged.problem()).contains("claims it never oversells").contains("lost update");
    }

    @Test
    void mayOversellIsDemonstratedOnlyByAnOversell() {
        assertThat(judge(Claim.MAY_OVERSELL, row("LastUnit", "held"), row("OddStock", "oversold")).problem()).isNull();
        assertThat(judge(Claim.MAY_OVERSELL, row("LastUnit", "not linearizable")).problem())
                .contains("never saw an oversell").contains("Run longer");
    }

    /** What the budget left out is never "held": the other scenarios' verdicts do not judge the claim for it. */
    @Test
    void aScenarioNotCheckedLeavesTheClaimUnjudged() {
        ClaimJudgement judged = judge(Claim.NEVER_OVERSELLS, row("LastUnit", "held"), row("OddStock", "not checked"));

        assertThat(judged.problem()).startsWith("safe cannot be judged to hold").contains("[OddStock]");
    }

    @Test
    void aDesignWithNothingCheckedFailsWhateverItClaims() {
        assertThat(judge(Claim.MAY_OVERSELL, row("LastUnit", "skipped")).problem()).contains("nothing was checked");
        assertThat(judge(Claim.NEVER_OVERSELLS, row("LastUnit", "error")).problem())
                .contains("nothing was checked");
    }

    private static ClaimJudgement judge(Claim claim, ScenarioResult... rows) {
        return ClaimJudgement.of("safe", claim, List.of(rows), "safe/html/index.html", "mvn verify -Doversell.variant=safe");
    }

    private static ScenarioResult row(String scenario, String verdict) {
        return new ScenarioResult("safe", "NEVER_OVERSELLS", scenario, "dev.oversell.stress.scenarios." + scenario,
                "NORMAL", 100, 0, 0, 0, List.of(), verdict, null, null, null, null);
    }
}
