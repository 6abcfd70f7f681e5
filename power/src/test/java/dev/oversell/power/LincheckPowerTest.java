package dev.oversell.power;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lincheck's power, measured: {@code LincheckSuite} runs unchanged over the corpus (as {@link LincheckOverTheCorpus}),
 * at the bounds this build gives it, and must catch every known bug that lists {@link Family#LINCHECK}, naming it
 * rightly, while flagging no correct twin. Prints the power line and each design's verdict. Rerun:
 * {@code mvn -pl power -am test -Dtest=LincheckPowerTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Doversell.lincheck.interleavings=N} to measure another bound).
 */
class LincheckPowerTest {

    @Test
    void everyKnownBugIsCaughtAndNoCorrectTwinIsFlagged() {
        long started = System.nanoTime();
        Map<String, SuiteVerdicts.Verdict> verdicts = SuiteVerdicts.of(LincheckOverTheCorpus.class);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        Power power = Power.of(Family.LINCHECK, verdicts);

        verdicts.values().forEach(v -> System.out.printf("[power] %s: %s%s%n", v.design(), v.outcome(),
                v.outcome() == SuiteVerdicts.Outcome.CAUGHT ? " (" + v.finding() + ")" : ""));
        System.out.printf("[power] %s (%d designs in %d s)%n", power.line(), verdicts.size(), seconds);
        if (!power.full()) {
            fail(String.join("\n", "Lincheck lacks power over the corpus: " + power.line(),
                    "missed: " + power.missed(), "caught under the wrong name: " + power.misnamed(),
                    "false alarms: " + power.falseAlarms(), "not judged: " + power.notJudged(),
                    "Each design's evidence is under power/target/oversell/runs/*/lincheck/. Rerun: mvn -pl power -am"
                            + " test -Dtest=LincheckPowerTest -Dsurefire.failIfNoSpecifiedTests=false"));
        }
    }
}
