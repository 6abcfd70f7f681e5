package dev.oversell.stress.jcstress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StressBudgetTest {

    @Test
    void theRunsBudgetGrowsWithTheDesignsAProjectRegisters() {
        assertThat(StressBudget.seconds(20, true)).as("20 designs and the actor runtime's tests, 60 s each")
                .isEqualTo(21 * 60L);
        assertThat(StressBudget.seconds(4, false)).isEqualTo(4 * 60L);
    }

    @Test
    void aScenarioBelowTheFloorIsRunAgainLongEnoughToPassItButNeverBeyondTheCap() {
        assertThat(StressBudget.stretch(10_000)).as("half again above the floor of 20,000").isEqualTo(3);
        assertThat(StressBudget.stretch(19_000)).isEqualTo(2);
        assertThat(StressBudget.stretch(262)).isEqualTo(StressBudget.MAX_STRETCH);
        assertThat(StressBudget.stretch(0)).isEqualTo(StressBudget.MAX_STRETCH);
    }

    @Test
    void stretchingMultipliesJcstresssTimePerIteration() {
        assertThat(StressRun.stretched(List.of("-m", "quick", "-time", "150", "-f", "1"), 4))
                .containsExactly("-m", "quick", "-time", "600", "-f", "1");
        assertThat(StressRun.stretched(List.of("-m", "tough"), 2)).containsExactly("-m", "tough", "-time", "2000");
    }
}
