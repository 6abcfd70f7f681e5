package dev.oversell.stress.jcstress;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JcstressRunTest {

    /**
     * jcstress reads the first META-INF/TestList on the class path. Under surefire this module's test classes come
     * first, as a project's own test classes do; the run must put the scenarios' jar (here: target/classes) first.
     */
    @Test
    void jcstressSeesTheScenariosJarFirstOnItsClassPath() {
        List<String> given = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> forJcstress = Arrays.asList(JcstressRun.classPath().split(File.pathSeparator));

        assertThat(Path.of(given.get(0)).toAbsolutePath().normalize()).as("surefire's first entry")
                .isNotEqualTo(JcstressRun.ownLocation());
        assertThat(Path.of(forJcstress.get(0))).isEqualTo(JcstressRun.ownLocation());
        assertThat(forJcstress).hasSize(given.size()).containsAll(given.stream()
                .filter(e -> !Path.of(e).toAbsolutePath().normalize().equals(JcstressRun.ownLocation())).toList());
    }

    @Test
    void theJarListsEveryScenarioAndRuntimeTestJcstressCompiledIntoIt() throws Exception {
        assertThat(StressRun.listedTests()).contains(
                "dev.oversell.stress.scenarios.LastUnit", "dev.oversell.stress.scenarios.OddStock",
                "dev.oversell.stress.scenarios.TwoProducts", "dev.oversell.stress.scenarios.CloseRacingPurchase",
                "dev.oversell.stress.scenarios.BuyRacingRestock", "dev.oversell.stress.scenarios.BigAndSmallBuyer",
                "dev.oversell.stress.scenarios.ShortStock", "dev.oversell.stress.scenarios.ShortStockTwoThreads",
                "dev.oversell.stress.runtime.NoLostWakeup", "dev.oversell.stress.runtime.OneHandlerAtATime",
                "dev.oversell.stress.runtime.StateVisibleToNextTurn", "dev.oversell.stress.runtime.StopRacingSends");
    }
}
