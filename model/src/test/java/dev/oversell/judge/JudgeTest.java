package dev.oversell.judge;

import dev.oversell.design.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeTest {

    @Test
    void accountsSayOversoldOnlyWhenMoreWasSoldThanExisted() {
        assertThat(Finding.ofAccounts(1, 2, 0)).isEqualTo(Finding.OVERSOLD);
        assertThat(Finding.ofAccounts(2, 1, 0)).isEqualTo(Finding.LOST_UPDATE); // a restock lost: stock too low
        assertThat(Finding.ofAccounts(2, 1, 2)).isEqualTo(Finding.LOST_UPDATE); // a sale left the stock alone
        assertThat(Finding.ofAccounts(1, 1, -1)).isEqualTo(Finding.LOST_UPDATE);
        assertThat(Finding.ofAccounts(2, 1, 1)).isEqualTo(Finding.HELD);
    }

    @Test
    void aMayOversellClaimIsDemonstratedOnlyByAnOversell() {
        assertThat(Judge.disagreement("v", "checks", Claim.MAY_OVERSELL, List.of(Finding.HELD, Finding.OVERSOLD)))
                .isEmpty();
        assertThat(Judge.disagreement("v", "checks", Claim.MAY_OVERSELL, List.of(Finding.LOST_UPDATE)))
                .get().asString().contains("never saw an oversell");
        assertThat(Judge.disagreement("v", "checks", Claim.MAY_OVERSELL, List.of(Finding.NOT_LINEARIZABLE)))
                .isPresent();
    }

    @Test
    void aNeverOversellsClaimFailsOnAnyAnomalyAndNamesIt() {
        assertThat(Judge.disagreement("v", "checks", Claim.NEVER_OVERSELLS, List.of(Finding.HELD))).isEmpty();
        assertThat(Judge.disagreement("v", "checks", Claim.NEVER_OVERSELLS, List.of(Finding.HELD, Finding.LOST_UPDATE)))
                .get().asString().contains("lost update");
    }

    @Test
    void aFamilyThatSawNothingIsNeverHeld() {
        assertThat(Judge.disagreement("v", "checks", Claim.NEVER_OVERSELLS, List.of()))
                .get().asString().contains("nothing was checked");
    }
}
