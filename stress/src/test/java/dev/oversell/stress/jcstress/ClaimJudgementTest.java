package dev.oversell.stress.jcstress;

import dev.oversell.design.Claim;
import dev.oversell.judge.CheckVerdict;
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

        assertThat(judged.problem()).startsWith("safe cannot be judged to hold").contains("OddStock: not checked");
    }

    @Test
    void aDesignWithNothingCheckedFailsWhateverItClaims() {
        assertThat(judge(Claim.MAY_OVERSELL, row("LastUnit", "skipped")).problem()).contains("nothing was checked");
        assertThat(judge(Claim.NEVER_OVERSELLS, row("LastUnit", "error")).problem())
                .contains("nothing was checked");
    }

    /** A slow design's "held" on a few hundred samples is no evidence: below the floor, the scenario is not checked. */
    @Test
    void aHeldScenarioBelowTheSampleFloorIsNotCheckedAndFailsANeverClaim() {
        ScenarioResult thin = row("LastUnit", "held").notChecked("262 samples, below the floor of 20,000 per scenario",
                "-Doversell.jcstress.minSamples");

        assertThat(thin.failed()).isTrue();
        assertThat(thin.toObservation().coverage().words()).contains("262 samples, below the floor");
        assertThat(judge(Claim.NEVER_OVERSELLS, row("OddStock", "held"), thin).problem())
                .contains("cannot be judged to hold").contains("LastUnit: not checked (262 samples");
    }

    @Test
    void aHeldScenarioStatesItsSamplesAsItsCoverage() {
        assertThat(row("LastUnit", "held").toObservation().coverage().words())
                .isEqualTo("sampled (100 samples on real threads)");
    }

    private static ClaimJudgement judge(Claim claim, ScenarioResult... rows) {
        return ClaimJudgement.of("safe", claim, List.of(rows), "safe/html/index.html", "mvn verify -Doversell.design=safe");
    }

    private static ScenarioResult row(String scenario, String verdict) {
        return new ScenarioResult("safe", "NEVER_OVERSELLS", scenario, "dev.oversell.stress.scenarios." + scenario,
                "NORMAL", 100, 0, 0, 0, List.of(), CheckVerdict.ofWord(verdict), null, null, null, null);
    }
}
