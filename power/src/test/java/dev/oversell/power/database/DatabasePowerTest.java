package dev.oversell.power.database;

import dev.oversell.power.CorpusEntry;
import dev.oversell.power.Family;
import dev.oversell.power.PowerOfAFamily;
import dev.oversell.properties.database.Engines;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The power of the database suite, measured in the build: {@link DatabaseCorpusUnderTheSuite} runs on each engine
 * over the corpus designs that run there ({@link DatabaseCorpus}, {@link CorpusEntry#runs}), and every known bug
 * must be caught on each engine that must catch it, every design that must hold there must hold. Prints
 * "databases k/n caught, ...", writes its row of {@code power/power.json}, and fails on a miss, a false alarm or a
 * cell the suite did not judge.
 *
 * <p>Engines: {@code -Doversell.engines} (default {@code h2,postgresql,mariadb}); a server that cannot be reached
 * is left out, loudly, unless {@code CI=true} (or {@code -Doversell.requireEngines=true}), where it fails the test,
 * as in the suites. By default each design runs on the engines its {@code RunsByDefault} names; {@code -Pthorough}
 * on every engine its entry names; {@code -Doversell.power.design=NAME,...} some designs only, on every engine.
 */
class DatabasePowerTest {

    @Test
    void everyKnownBugIsCaughtAndNoCorrectTwinIsFlagged() {
        PowerOfAFamily power = new PowerOfAFamily(Family.DATABASES, DatabaseCorpus.ENTRIES);
        List<Engine> engines = new ArrayList<>();
        for (Engine engine : DatabaseSettings.requestedEngines("h2,postgresql,mariadb")) {
            List<String> designs = power.running(engine);
            if (designs.isEmpty()) {
                continue;
            }
            String unreachable = unreachable(engine);
            if (unreachable != null) {
                if (Engines.required()) {
                    fail(engine.label() + " is required (CI=true) but unreachable: " + unreachable);
                }
                System.out.printf("%n[power] !!! %s NOT AVAILABLE: the corpus is not run on it. %s%n%n", engine.label(),
                        unreachable);
                continue;
            }
            engines.add(engine);
            power.run(DatabaseCorpusUnderTheSuite.class, "databases-" + engine.key(), Map.of(
                    "oversell.engines", engine.key(), "oversell.design", String.join(",", designs)));
        }
        power.recordAndCheck(engines, "mvn -pl power -am verify -Dtest=DatabasePowerTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Doversell.power.design=NAME -Doversell.engines=ENGINE");
    }

    /** Why {@code engine} cannot be reached, or null if it can. */
    private static String unreachable(Engine engine) {
        try (Database database = DatabaseSettings.open(engine)) {
            return null;
        } catch (StoreException e) {
            return e.getMessage();
        }
    }
}
