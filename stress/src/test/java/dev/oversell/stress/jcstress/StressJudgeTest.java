package dev.oversell.stress.jcstress;

import dev.oversell.design.Claim;
import dev.oversell.judge.CheckVerdict;
import dev.oversell.judge.Finding;
import dev.oversell.stress.scenarios.BuyRacingRestock;
import dev.oversell.stress.scenarios.CloseRacingPurchase;
import dev.oversell.stress.scenarios.HangWatch;
import dev.oversell.stress.scenarios.LastUnit;
import dev.oversell.stress.scenarios.OppositeOrders;
import dev.oversell.stress.scenarios.OrderRacingPurchase;
import dev.oversell.stress.scenarios.TwoProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StressJudgeTest {

    @Test
    void anOutcomeIsOversoldOnlyWhenMoreUnitsWereSoldThanExisted() {
        assertThat(StressJudge.meaning(LastUnit.class, "1, 1, 0").finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(StressJudge.meaning(LastUnit.class, "1, 1, -1").finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(StressJudge.meaning(TwoProducts.class, "1, 1, 1, 0, 0").finding()).isEqualTo(Finding.OVERSOLD);
    }

    @Test
    void stockAndSalesThatDoNotAddUpWithoutAnOversellAreALostUpdate() {
        assertThat(StressJudge.meaning(LastUnit.class, "1, 0, 1").finding()).isEqualTo(Finding.LOST_UPDATE);
        assertThat(StressJudge.meaning(BuyRacingRestock.class, "1, 1, 0").finding()).isEqualTo(Finding.LOST_UPDATE); // restock lost
        assertThat(StressJudge.meaning(BuyRacingRestock.class, "1, 1, 2").finding()).isEqualTo(Finding.LOST_UPDATE); // sale lost
    }

    @Test
    void accountsThatAddUpButNoOrderExplainsAreNotLinearizable() {
        assertThat(StressJudge.meaning(LastUnit.class, "0, 0, 1").finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
        assertThat(StressJudge.meaning(LastUnit.class, "-1, 1, 0").finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
        assertThat(StressJudge.meaning(CloseRacingPurchase.class, "-1, 1").finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
    }

    @Test
    void stockAnOrderLeftHalfTakenIsAPartiallyAppliedOrderNamedByItsLines() {
        StressJudge.Meaning racing = StressJudge.meaning(OrderRacingPurchase.class, "0, 1, 0, 0");
        assertThat(racing.finding()).isEqualTo(Finding.PARTIALLY_APPLIED);
        assertThat(racing.why()).isEqualTo("r1's order (refused) took 1 of 'a' but not 1 of 'b'");
        StressJudge.Meaning opposite = StressJudge.meaning(OppositeOrders.class, "0, 0, 0, 0");
        assertThat(opposite.finding()).isEqualTo(Finding.PARTIALLY_APPLIED);
        assertThat(opposite.why()).contains("r1's order (refused) took 1 of 'a' but not 1 of 'b'")
                .contains("r2's order (refused) took 1 of 'b' but not 1 of 'a'");
    }

    @Test
    void ordersThatOversellALineOrLoseStockWholeAreNotCalledPartial() {
        assertThat(StressJudge.meaning(OppositeOrders.class, "1, 1, -1, -1").finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(StressJudge.meaning(OrderRacingPurchase.class, "1, 1, 0, -1").finding()).isEqualTo(Finding.OVERSOLD);
        // the order refused, the purchase served, and b back in stock: no way of taking the order's lines gives it
        assertThat(StressJudge.meaning(OrderRacingPurchase.class, "0, 1, 1, 1").finding()).isEqualTo(Finding.LOST_UPDATE);
    }

    @Test
    void aForkTheHangWatchEndedIsHungWithTheCycleItNamed() {
        TestResult hung = new TestResult(Status.VM_ERROR);
        hung.addMessage("Failed with error code " + HangWatch.EXIT_CODE);
        hung.addVMOuts(List.of("a line of the design's own", HangWatch.MARKER + "deadlock: 2 calls wait for each other",
                HangWatch.MARKER + "OppositeOrders.orderOfAThenB holds Object@1 and waits for Object@2"));
        assertThat(StressJudge.hangOf(hung)).contains("deadlock: 2 calls wait for each other\n"
                + "OppositeOrders.orderOfAThenB holds Object@1 and waits for Object@2");

        ScenarioResult row = StressJudge.judge("opposite", Claim.NEVER_OVERSELLS, "OppositeOrders", OppositeOrders.class,
                List.of(hung));
        assertThat(row.verdict()).isEqualTo(CheckVerdict.HUNG);
        assertThat(row.samples()).isZero();
        assertThat(row.problem()).contains("saw hung").contains("in 1 of 1 jcstress forks").contains("orderOfAThenB");
        assertThat(row.toObservation().finding()).isEqualTo(Finding.HUNG);
        assertThat(row.toObservation().coverage().words()).contains("1 jcstress forks, each of which hung");
    }

    @Test
    void jcstressTimingOutIsHungButAVmThatDiedOtherwiseIsAnError() {
        TestResult timedOut = new TestResult(Status.TIMEOUT_ERROR);
        timedOut.addMessage("Timeout waiting for tasks to complete: 30001 ms");
        assertThat(StressJudge.hangOf(timedOut)).get().asString().contains("30001 ms").contains("named no deadlock");

        TestResult crashed = new TestResult(Status.VM_ERROR);
        crashed.addMessage("Failed with error code 1");
        crashed.addVMOuts(List.of("Exception in thread main"));
        assertThat(StressJudge.hangOf(crashed)).isEmpty();
        assertThat(StressJudge.judge("opposite", Claim.NEVER_OVERSELLS, "OppositeOrders", OppositeOrders.class,
                List.of(crashed)).verdict()).isEqualTo(CheckVerdict.ERROR);
    }

    /** jcstress stopped at the budget while writing: the gate reads what is complete, it does not crash. */
    @Test
    void aResultFileCutShortGivesWhatItHoldsInsteadOfACrash(@TempDir Path dir) throws Exception {
        byte[] whole = resource("/jcstress/naive-results.bin.gz");
        Path complete = Files.write(dir.resolve("complete.bin.gz"), whole);
        int all = JcstressRun.readResults(complete).size();
        assertThat(all).isPositive();
        for (int length : new int[] {100, whole.length * 2 / 3}) { // inside the first deflate block; mid-file
            Path cut = Files.write(dir.resolve("cut-" + length + ".bin.gz"), Arrays.copyOf(whole, length));
            assertThat(JcstressRun.readResults(cut).size()).as("results kept from %d bytes", length).isLessThan(all);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StressJudgeTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
