package dev.oversell.power;

/**
 * A family of checks whose power the corpus measures. Each {@link KnownBug} lists the families that must catch
 * it; a family measures its power by running its own suite, unchanged, over the corpus ({@link SuiteVerdicts}).
 */
public enum Family {
    /** {@code LincheckSuite}'s model checker over the critical scenarios: {@link LincheckOverTheCorpus}. */
    LINCHECK("Lincheck"),
    /**
     * jcstress's scenarios on real threads. Not measured yet: a bug that lists it is one jcstress has a scenario
     * for; measuring it is a power test that runs {@code StressSuite} over the corpus through
     * {@link SuiteVerdicts} and hands the verdicts to {@link Power}, as {@link LincheckPowerTest} does.
     */
    JCSTRESS("jcstress");

    final String label;

    Family(String label) {
        this.label = label;
    }
}
