package dev.oversell.report;

import dev.oversell.judge.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every finding has its verdict, and several verdicts combine to the most serious one. */
class VerdictTest {

    @Test
    void everyFindingHasAVerdictOfTheSameWordInTheLegend() {
        for (Finding finding : Finding.values()) {
            Verdict verdict = Verdict.of(finding);
            assertThat(verdict.word).isEqualTo(finding.word());
            assertThat(Verdict.legend(" · ")).contains(verdict.symbol + " " + finding.word() + ": " + finding.meaning());
        }
    }

    @Test
    void aPartiallyAppliedOrderOutranksALostUpdateAndWhatDidNotRun() {
        assertThat(Verdict.combine(List.of(Verdict.HELD, Verdict.NOT_CHECKED, Verdict.LOST_UPDATE,
                Verdict.PARTIALLY_APPLIED))).isEqualTo(Verdict.PARTIALLY_APPLIED);
        assertThat(Verdict.combine(List.of(Verdict.PARTIALLY_APPLIED, Verdict.OVERSOLD))).isEqualTo(Verdict.OVERSOLD);
        assertThat(Verdict.combine(List.of(Verdict.NOT_LINEARIZABLE, Verdict.NOT_CHECKED)))
                .isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(Verdict.combine(List.of(Verdict.HELD, Verdict.NOT_CHECKED))).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(Verdict.combine(List.of(Verdict.NOT_APPLICABLE, Verdict.HELD, Verdict.NOT_RUN)))
                .isEqualTo(Verdict.HELD);
    }
}
