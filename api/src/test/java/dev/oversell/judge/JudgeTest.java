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
    void aPartiallyAppliedOrderBreaksANeverClaimButDemonstratesNoOversell() {
        assertThat(Judge.disagreement("v", "checks", Claim.NEVER_OVERSELLS, List.of(Finding.HELD,
                Finding.PARTIALLY_APPLIED))).get().asString().contains("partially applied");
        assertThat(Judge.disagreement("v", "checks", Claim.MAY_OVERSELL, List.of(Finding.PARTIALLY_APPLIED)))
                .get().asString().contains("never saw an oversell");
        assertThat(Finding.worst(Finding.PARTIALLY_APPLIED, Finding.LOST_UPDATE)).isEqualTo(Finding.PARTIALLY_APPLIED);
        assertThat(Finding.worst(Finding.PARTIALLY_APPLIED, Finding.OVERSOLD)).isEqualTo(Finding.OVERSOLD);
        assertThat(Finding.ofWord("partially applied")).isEqualTo(Finding.PARTIALLY_APPLIED);
    }

    @Test
    void aFamilyThatSawNothingIsNeverHeld() {
        assertThat(Judge.disagreement("v", "checks", Claim.NEVER_OVERSELLS, List.of()))
                .get().asString().contains("nothing was checked");
    }

    private static final Coverage EVERY = new Coverage.Every(4);

    private static Observation seen(String cell, Coverage coverage, Finding finding, String example) {
        return new Observation("r1", "v", Observation.Family.DATABASE_SCHEDULES, cell, "H2", "2.3", coverage, finding,
                null, example, "mvn verify -Dtest=T", null, null);
    }

    @Test
    void aNeverClaimDoesNotHoldWhileSomeOfItsChecksDidNotRun() {
        List<Observation> observations = List.of(seen("s1", EVERY, Finding.HELD, null),
                seen("s2", new Coverage.NotChecked("the time budget ran out", "-Dbudget=600"), null, null));
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).get().asString()
                .contains("cannot be judged to hold").contains("s2").contains("to check it: -Dbudget=600");
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, List.of(observations.get(1)))).get().asString()
                .contains("nothing was checked");
    }

    @Test
    void anExplorationStoppedAtItsLimitIsNotCheckedAndFailsANeverClaim() {
        List<Observation> observations = List.of(seen("last unit", EVERY, Finding.HELD, null),
                seen("three buyers", new Coverage.NotChecked("stopped at its limit of 5000 executions",
                        "-Doversell.explorationLimit=20000"), null, null));
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).get().asString()
                .contains("three buyers").contains("-Doversell.explorationLimit=20000");
    }

    @Test
    void aCheckNotReachedIsNoEvidenceThatAClaimHolds() {
        List<Observation> observations = List.of(seen("s1", EVERY, Finding.HELD, null),
                seen("s2", new Coverage.NotReached("stopped at s0"), null, null));
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).isPresent();
    }

    @Test
    void aCheckTheDesignDeclaresDoesNotApplyIsNeitherForNorAgainst() {
        List<Observation> observations = List.of(seen("last unit", EVERY, Finding.HELD, null),
                seen("restock", new Coverage.NotApplicable("the design has no restock"), null, null));
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).isEmpty();
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, List.of(observations.get(1)))).get().asString()
                .contains("nothing was checked");
    }

    @Test
    void sampledAndBoundedChecksUpholdAClaimAndSaySo() {
        List<Observation> observations = List.of(
                seen("load", new Coverage.Sampled(120, 0, "purchases", 7L), Finding.HELD, null),
                seen("model checking", new Coverage.Bounded(40, 0, "at most 40 interleavings"), Finding.HELD, null));
        assertThat(Judge.judge("v", "checks", Claim.NEVER_OVERSELLS, observations)).isEmpty();
        assertThat(Coverage.summary(observations.stream().map(Observation::coverage).toList()))
                .isEqualTo("bounded (40 tried, at most 40 interleavings); sampled (120 purchases, seed 7)");
    }

    @Test
    void coverageSaysHowFarACheckReachedInFixedWords() {
        assertThat(new Coverage.Every(22).words()).isEqualTo("every distinct execution (22)");
        assertThat(new Coverage.EveryReachable(170, 3).words())
                .isEqualTo("every one the engine let be reached (170, 3 diverged)");
        assertThat(new Coverage.EveryReachable(54, 0, 0, 6).words())
                .isEqualTo("every one the engine let be reached (54, 6 woken together)");
        assertThat(new Coverage.Sampled(12, 300, "distinct executions drawn", 7L).words())
                .isEqualTo("sampled (12 of about 300 distinct executions drawn, seed 7)");
        assertThat(Coverage.summary(List.of(new Coverage.Every(22), new Coverage.Every(4), new Coverage.NotApplicable("x"))))
                .isEqualTo("every distinct execution (2 checks, 26 runs); not applicable (x)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Coverage.Every(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NotChecked");
    }

    @Test
    void anOversellSeenStandsWhateverDidNotRunAndIsShownAtItsSmallest() {
        List<Observation> observations = List.of(
                seen("big", EVERY, Finding.OVERSOLD, "a long interleaving of many steps"),
                seen("small", EVERY, Finding.OVERSOLD, "b1 b2 w1 w2"),
                seen("late", new Coverage.NotChecked("budget", null), null, null));
        assertThat(Judge.judge("v", "schedule", Claim.MAY_OVERSELL, observations)).isEmpty();
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, observations)).get().asString()
                .contains("never oversells").contains("(small, H2, every distinct execution (4)):\nb1 b2 w1 w2")
                .contains("Reproduce: mvn verify");
    }

    @Test
    void anObservationHasAFindingExactlyWhenItsCheckRan() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seen("x", EVERY, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seen("x", new Coverage.NotReached("r"), Finding.HELD, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnomalyTheDesignAcceptsIsSeenButDoesNotBreakANeverClaim() {
        Observation accepted = new Observation("r1", "v", Observation.Family.DATABASE_SCHEDULES, "larger buyer first",
                "Redis", "7", EVERY, Finding.NOT_LINEARIZABLE, null, "d1 d2 i1 i2", "mvn verify -Dtest=T", null, null,
                Relaxation.REFUSES_WHILE_UNITS_ARE_OUT);
        assertThat(accepted.finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
        assertThat(accepted.findingForClaim()).isEqualTo(Finding.HELD);
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, List.of(accepted))).isEmpty();
        assertThat(Judge.judge("v", "schedule", Claim.MAY_OVERSELL, List.of(accepted))).get().asString()
                .contains("never saw an oversell");
        List<Observation> withAnother = List.of(accepted, seen("last unit", EVERY, Finding.NOT_LINEARIZABLE, "r1 r2"));
        assertThat(Judge.judge("v", "schedule", Claim.NEVER_OVERSELLS, withAnother)).get().asString()
                .contains("(last unit, H2").contains("r1 r2");
    }

    @Test
    void aRelaxationAcceptsAnswersThatFitNoStrictOrderAndNothingElse() {
        for (Finding finding : List.of(Finding.OVERSOLD, Finding.LOST_UPDATE, Finding.PARTIALLY_APPLIED, Finding.HUNG,
                Finding.HELD)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Observation("r1", "v",
                            Observation.Family.DATABASE_SCHEDULES, "c", "Redis", "7", EVERY, finding, null, null, null,
                            null, null, Relaxation.REFUSES_WHILE_UNITS_ARE_OUT))
                    .as(finding.word()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
