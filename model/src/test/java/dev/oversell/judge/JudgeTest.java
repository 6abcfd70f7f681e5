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

    private static Observation seen(String cell, Observation.Status status, Finding finding, String example) {
        return new Observation("r1", "v", Observation.Family.DATABASE_SCHEDULES, cell, "H2", "2.3", status, finding,
                null, example, "mvn verify -Dtest=T", null, null);
    }

    @Test
    void aNeverClaimDoesNotHoldWhileSomeOfItsChecksDidNotRun() {
        List<Observation> observations = List.of(seen("s1", Observation.Status.CHECKED, Finding.HELD, null),
                seen("s2", Observation.Status.NOT_CHECKED, null, null));
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).get().asString()
                .contains("cannot be judged to hold").contains("s2");
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, List.of(observations.get(1)))).get().asString()
                .contains("nothing was checked");
    }

    @Test
    void anOversellSeenStandsWhateverDidNotRunAndIsShownAtItsSmallest() {
        List<Observation> observations = List.of(
                seen("big", Observation.Status.CHECKED, Finding.OVERSOLD, "a long interleaving of many steps"),
                seen("small", Observation.Status.CHECKED, Finding.OVERSOLD, "b1 b2 w1 w2"),
                seen("late", Observation.Status.NOT_CHECKED, null, null));
        assertThat(Judge.judge("v", "schedule", Claim.MAY_OVERSELL, observations)).isEmpty();
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).get().asString()
                .contains("never oversells").contains("(small, H2):\nb1 b2 w1 w2").contains("Reproduce: mvn verify");
    }

    @Test
    void anObservationHasAFindingExactlyWhenItsCheckRan() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seen("x", Observation.Status.CHECKED, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seen("x", Observation.Status.NOT_REACHED, Finding.HELD, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
