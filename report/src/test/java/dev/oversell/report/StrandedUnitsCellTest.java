package dev.oversell.report;

import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit taken from the sale that no account shows sold (a reservation in Redis whose order was never published)
 * is no oversell, and the verdict says held; the cell names it beside the verdict, whatever else it shows.
 */
class StrandedUnitsCellTest {

    private static Observation queueFault(String fault, Finding finding, long stranded) {
        return new Observation("r1", "queued", Observation.Family.QUEUE_FAULTS, fault, "PostgreSQL", "15",
                new Coverage.Sampled(2, 0, "runs with the fault", null), finding,
                new Observation.Counts(2, 1, finding == Finding.OVERSOLD ? 1 : 0, 0, stranded), null, "mvn verify",
                null, null);
    }

    @Test
    void aHeldCellNamesTheStrandedUnits() {
        Cell cell = Cell.of(List.of(queueFault("consumer killed before its ack", Finding.HELD, 0),
                queueFault("publisher killed before its publish", Finding.HELD, 2)),
                Observation.Family.QUEUE_FAULTS, Claim.NEVER_OVERSELLS, "#queue");

        assertThat(cell.verdict()).isEqualTo(Verdict.HELD);
        assertThat(cell.text()).contains("all held, 2 units stranded (taken in Redis, never ordered)");
    }

    @Test
    void anOversoldCellNamesThemToo() {
        Cell cell = Cell.of(List.of(queueFault("consumer killed before its ack", Finding.OVERSOLD, 0),
                queueFault("publisher killed before its publish", Finding.HELD, 1)),
                Observation.Family.QUEUE_FAULTS, Claim.MAY_OVERSELL, "#queue");

        assertThat(cell.text()).contains("oversold (consumer killed before its ack), 1 unit stranded (taken in Redis,"
                + " never ordered)");
    }

    @Test
    void nothingStrandedSaysNothing() {
        Cell cell = Cell.of(List.of(queueFault("consumer killed before its ack", Finding.HELD, 0)),
                Observation.Family.QUEUE_FAULTS, Claim.NEVER_OVERSELLS, "#queue");

        assertThat(cell.text()).doesNotContain("stranded");
    }

    @Test
    void oneObservationShowsItInItsCounts() {
        Cell cell = Cell.of(List.of(queueFault("publisher killed before its publish", Finding.HELD, 1)),
                Observation.Family.QUEUE_FAULTS, Claim.NEVER_OVERSELLS, "#queue");

        assertThat(cell.text()).contains("1 stranded");
    }

    /** The queue's family has three faults: a cell and the design's line name the one that saw the oversell. */
    @Test
    void theCellAndTheLineNameTheFaultThatSawIt() {
        List<Observation> observed = List.of(queueFault("consumer killed before its ack", Finding.HELD, 0),
                queueFault("Redis restarted, an order in flight", Finding.OVERSOLD, 0));
        Cell cell = Cell.of(observed, Observation.Family.QUEUE_FAULTS, Claim.MAY_OVERSELL, "#queue");
        assertThat(cell.text()).startsWith("1 of 2 checks oversold (Redis restarted, an order in flight)");

        String line = DesignLines.line(dev.oversell.run.JudgedDesign.ofFaulted(dev.oversell.run.JudgedDesign.QUEUED,
                "queued", Object.class, "Lua, then a queue", Claim.MAY_OVERSELL), observed);
        assertThat(line).isEqualTo("may oversell: caught by queue faults (Redis restarted, an order in flight) on"
                + " PostgreSQL");
    }
}
