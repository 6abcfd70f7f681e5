package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Relaxation;
import dev.oversell.run.JudgedDesign;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anomaly the design declares it accepts ({@link Relaxation}) stands in its cell in its own word, with what the
 * design accepts beside it; the design's line says its claim held and what came with it. An anomaly not accepted in
 * the same group is still a mismatch.
 */
class AcceptedAnomalyCellTest {

    private static final JudgedDesign DESIGN = JudgedDesign.ofStore("compensate", "redis", Object.class,
            "DECRBY then INCRBY", Claim.NEVER_OVERSELLS);

    private static Observation plan(String plan, Finding finding, Relaxation accepted) {
        return new Observation("r1", "compensate", Observation.Family.DATABASE_SCHEDULES, plan, "Redis", "7",
                new Coverage.Every(4), finding, null, finding.anomaly() ? "s1 d1 s2 d2 i1 i2" : null, "mvn verify",
                null, null, accepted);
    }

    @Test
    void theCellNamesTheAnomalyAndWhatTheDesignAccepts() {
        Cell cell = Cell.of(List.of(plan("last unit", Finding.HELD, null),
                plan("a buyer of 2 and a buyer of 1, stock 1", Finding.NOT_LINEARIZABLE,
                        Relaxation.REFUSES_WHILE_UNITS_ARE_OUT)),
                Observation.Family.DATABASE_SCHEDULES, Claim.NEVER_OVERSELLS, "#redis");

        assertThat(cell.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(cell.accepted()).isTrue();
        assertThat(cell.text()).contains("1 of 2 schedules not linearizable")
                .contains("accepted by the design: it may refuse a buyer while another buyer's units are out");
    }

    @Test
    void theLineSaysTheClaimHeldAndWhatCameWithIt() {
        String line = DesignLines.line(DESIGN, List.of(plan("last unit", Finding.HELD, null),
                plan("a buyer of 2 and a buyer of 1, stock 1", Finding.NOT_LINEARIZABLE,
                        Relaxation.REFUSES_WHILE_UNITS_ARE_OUT)));

        assertThat(line).startsWith("never oversells: held by every check, every distinct execution")
                .contains("not linearizable in 1 of 2 checks, accepted: it may refuse a buyer");
    }

    @Test
    void anAnomalyNotAcceptedIsStillAMismatch() {
        List<Observation> observed = List.of(plan("last unit", Finding.NOT_LINEARIZABLE, null),
                plan("a buyer of 2 and a buyer of 1, stock 1", Finding.NOT_LINEARIZABLE,
                        Relaxation.REFUSES_WHILE_UNITS_ARE_OUT));

        assertThat(DesignLines.line(DESIGN, observed)).startsWith("never oversells: MISMATCH, not linearizable");
        Cell cell = Cell.of(observed, Observation.Family.DATABASE_SCHEDULES, Claim.NEVER_OVERSELLS, "#redis");
        assertThat(cell.text()).doesNotContain("accepted");
        assertThat(cell.accepted()).isFalse();
    }
}
