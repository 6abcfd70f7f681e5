package dev.oversell.stress.jcstress;

import dev.oversell.judge.Finding;
import dev.oversell.stress.scenarios.BuyRacingRestock;
import dev.oversell.stress.scenarios.CloseRacingPurchase;
import dev.oversell.stress.scenarios.LastUnit;
import dev.oversell.stress.scenarios.TwoProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class StressJudgeTest {

    @Test
    void anOutcomeIsOversoldOnlyWhenMoreUnitsWereSoldThanExisted() {
        assertThat(StressJudge.meaning(LastUnit.class, "1, 1, 0")).isEqualTo(Finding.OVERSOLD);
        assertThat(StressJudge.meaning(LastUnit.class, "1, 1, -1")).isEqualTo(Finding.OVERSOLD);
        assertThat(StressJudge.meaning(TwoProducts.class, "1, 1, 1, 0, 0")).isEqualTo(Finding.OVERSOLD);
    }

    @Test
    void stockAndSalesThatDoNotAddUpWithoutAnOversellAreALostUpdate() {
        assertThat(StressJudge.meaning(LastUnit.class, "1, 0, 1")).isEqualTo(Finding.LOST_UPDATE);
        assertThat(StressJudge.meaning(BuyRacingRestock.class, "1, 1, 0")).isEqualTo(Finding.LOST_UPDATE); // restock lost
        assertThat(StressJudge.meaning(BuyRacingRestock.class, "1, 1, 2")).isEqualTo(Finding.LOST_UPDATE); // sale lost
    }

    @Test
    void accountsThatAddUpButNoOrderExplainsAreNotLinearizable() {
        assertThat(StressJudge.meaning(LastUnit.class, "0, 0, 1")).isEqualTo(Finding.NOT_LINEARIZABLE);
        assertThat(StressJudge.meaning(LastUnit.class, "-1, 1, 0")).isEqualTo(Finding.NOT_LINEARIZABLE);
        assertThat(StressJudge.meaning(CloseRacingPurchase.class, "-1, 1")).isEqualTo(Finding.NOT_LINEARIZABLE);
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
