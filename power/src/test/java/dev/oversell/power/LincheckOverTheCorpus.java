package dev.oversell.power;

import dev.oversell.properties.concurrency.LincheckSuite;

/**
 * {@code LincheckSuite}, unchanged, over the corpus. Not a test of its own (its name is not one Surefire runs):
 * {@link LincheckPowerTest} runs it through the JUnit Platform and reads its verdicts, because a buggy design's
 * verdict is a failed test.
 */
class LincheckOverTheCorpus extends LincheckSuite {
}
