package dev.oversell.power;

import dev.oversell.stress.StressSuite;

/**
 * {@code StressSuite}, unchanged, over the corpus. Not a test of its own (its name is not one Surefire runs):
 * {@link JcstressPowerTest} runs it through the JUnit Platform and reads its verdicts.
 */
class StressOverTheCorpus extends StressSuite {
}
