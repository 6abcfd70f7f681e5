package dev.oversell.power.database;

import dev.oversell.properties.database.DatabaseSuite;

/**
 * The database suite as a project runs it, over the corpus ({@link DatabaseCorpus}). Its name does not end in
 * {@code Test}: surefire does not run it on its own (the corpus's bugs must fail it); {@link DatabasePowerTest}
 * runs it, one engine at a time, and reads its verdicts. To see one design's cell as the suite prints it:
 * {@code mvn -pl power -am verify -Dtest=DatabaseCorpusUnderTheSuite -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.engines=h2 -Doversell.design=NAME}.
 */
public class DatabaseCorpusUnderTheSuite extends DatabaseSuite {
}
