package dev.oversell.stress;

/**
 * jcstress for this repository's own designs, through the same entry point another project uses: the catalogue is
 * registered in this module's test resources ({@code META-INF/services/dev.oversell.design.DesignProvider}), and
 * this class is all the test code it takes. Run one design: {@code mvn -pl stress -am verify
 * -Dtest=BuiltInStressTest -Dsurefire.failIfNoSpecifiedTests=false -Doversell.design=naive}.
 */
class BuiltInStressTest extends StressSuite {
}
