package dev.oversell.power;

/**
 * A family of checks whose power the corpus measures, each by running its own suite, unchanged, over the corpus
 * ({@link SuiteVerdicts}) and handing the verdicts to one {@link Tally}: its row of {@code power/power.json}
 * ({@link dev.oversell.run.Power.Family}) is named by {@link #label}.
 */
public enum Family {
    /** {@code LincheckSuite}'s model checker over the critical scenarios: {@link LincheckPowerTest}. */
    LINCHECK("Lincheck", false),
    /** jcstress's scenarios on real threads, through {@code StressSuite}: {@link JcstressPowerTest}. */
    JCSTRESS("jcstress", false),
    /** The database suite's every distinct execution and load run, on each engine: {@code DatabasePowerTest}. */
    DATABASES("databases", true);

    final String label;
    /** Whether a verdict is per engine: the family judges database designs, a cell per design and engine. */
    final boolean perEngine;

    Family(String label, boolean perEngine) {
        this.label = label;
        this.perEngine = perEngine;
    }
}
