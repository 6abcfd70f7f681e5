package dev.oversell.power;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Lincheck's power, measured: {@code LincheckSuite} runs unchanged over the in-memory corpus (as
 * {@link LincheckOverTheCorpus}), at the bounds this build gives it, and must catch every known bug that lists
 * {@link Family#LINCHECK}, naming it rightly, while flagging no correct twin. By default it runs the designs marked
 * {@link RunsByDefault} for Lincheck; {@code -Pthorough} every one. Writes its row of {@code power/power.json}.
 * Rerun: {@code mvn -pl power -am verify -Dtest=LincheckPowerTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Doversell.lincheck.interleavings=N} to measure another bound, {@code -Doversell.power.design=NAME}
 * for one design).
 */
class LincheckPowerTest {

    @Test
    void everyKnownBugIsCaughtAndNoCorrectTwinIsFlagged() {
        PowerOfAFamily power = new PowerOfAFamily(Family.LINCHECK, Corpus.entries());
        power.run(LincheckOverTheCorpus.class, "lincheck", Map.of("oversell.design",
                String.join(",", power.running(null))));
        power.recordAndCheck(List.of(), "mvn -pl power -am verify -Dtest=LincheckPowerTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false");
    }
}
