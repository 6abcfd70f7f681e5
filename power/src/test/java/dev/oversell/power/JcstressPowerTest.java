package dev.oversell.power;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jcstress's power, measured: {@code StressSuite} runs unchanged over the in-memory corpus (as
 * {@link StressOverTheCorpus}), and must catch every known bug that lists {@link Family#JCSTRESS}, naming it
 * rightly, while flagging no correct twin. A jcstress scenario costs a few seconds per design (two JVM forks), so by
 * default each known bug runs only the scenarios that should catch it ({@link KnownBug#scenarios}), each twin
 * marked {@link RunsByDefault} the scenarios of {@link CorpusEntry#scenarios}; the suite runs once per set of
 * scenarios. {@code -Pthorough} runs every design on every scenario. Writes its row of {@code power/power.json}.
 * Rerun: {@code mvn -pl power -am verify -Dtest=JcstressPowerTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class JcstressPowerTest {

    /** The stress run's budget per design: the slowest design with every scenario took 45 s on 2 cores. */
    private static final int SECONDS_PER_DESIGN = 90;

    @Test
    void everyKnownBugIsCaughtAndNoCorrectTwinIsFlagged() {
        List<CorpusEntry> corpus = Corpus.entries();
        PowerOfAFamily power = new PowerOfAFamily(Family.JCSTRESS, corpus);
        Map<String, List<String>> byScenarios = new LinkedHashMap<>();
        corpus.stream().filter(e -> e.runs(Family.JCSTRESS, null)).forEach(e -> byScenarios
                .computeIfAbsent(e.scenarios(), s -> new java.util.ArrayList<>()).add(e.name()));
        byScenarios.forEach((scenarios, designs) -> power.run(StressOverTheCorpus.class,
                "jcstress-" + scenarios.replace(',', '-'), Map.of("oversell.design", String.join(",", designs),
                        "oversell.jcstress.scenarios", scenarios,
                        "oversell.jcstress.budgetSeconds", String.valueOf(SECONDS_PER_DESIGN * designs.size()))));
        power.recordAndCheck(List.of(), "mvn -pl power -am verify -Dtest=JcstressPowerTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false");
    }
}
