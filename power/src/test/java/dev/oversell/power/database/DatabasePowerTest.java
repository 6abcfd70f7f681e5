package dev.oversell.power.database;

import dev.oversell.properties.database.Engines;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.Engine;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The power of the database suite, measured in the build: {@link DatabaseCorpusUnderTheSuite} runs on each engine
 * over the corpus designs that name it ({@link DatabaseCorpus}), and every known bug must be caught on each engine
 * it names, every design that must hold there must hold. It prints "databases k/n caught on H2, ...; 0 false
 * alarms", writes the figures to {@code power/power.json} in the run folder, and fails on a miss, a false alarm
 * or a cell the suite did not judge.
 *
 * <p>Engines: {@code -Doversell.engines} (default {@code h2,postgresql,mariadb}); a server that cannot be reached
 * is left out, loudly, unless {@code CI=true} (or {@code -Doversell.requireEngines=true}), where it fails the
 * test, as in the suites. Each design runs on its default engines ({@link CorpusDesign#byDefault()}, chosen so
 * that the whole corpus stays within about 90 s on 2 cores); {@code -Doversell.power.everyEngine=true} runs each on
 * every engine it names. Some designs only, on every engine they name: {@code -Doversell.power.design=NAME,...}.
 */
class DatabasePowerTest {

    /** Runs each design on every engine it names, not only on its default ones. */
    static final String EVERY_ENGINE = "oversell.power.everyEngine";

    @Test
    void everyKnownBugIsCaughtAndNoCorrectTwinIsFlagged() {
        long start = System.nanoTime();
        List<Engine> engines = DatabaseSettings.requestedEngines("h2,postgresql,mariadb");
        boolean everyEngine = Boolean.getBoolean(EVERY_ENGINE);
        List<String> only = Arrays.stream(System.getProperty("oversell.power.design", "").split(","))
                .map(String::trim).filter(n -> !n.isEmpty()).toList();
        List<CorpusDesign> corpus = DatabaseCorpus.DESIGNS.stream()
                .filter(d -> only.isEmpty() || only.contains(d.name())).toList();
        if (corpus.isEmpty() || corpus.size() < only.size()) {
            fail("no corpus design named '" + only + "'; known: " + DatabaseCorpus.DESIGNS.stream()
                    .map(CorpusDesign::name).toList());
        }
        boolean named = everyEngine || !only.isEmpty();
        Map<Engine, Map<String, SuiteVerdicts.Verdict>> verdicts = new LinkedHashMap<>();
        Map<String, String> notRun = new LinkedHashMap<>();
        for (Engine engine : engines) {
            List<String> designs = corpus.stream().filter(d -> d.runsOn(engine, named))
                    .map(CorpusDesign::name).toList();
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
                notRun.put(engine.label(), "unreachable");
                continue;
            }
            long engineStart = System.nanoTime();
            verdicts.put(engine, SuiteVerdicts.judge(engine, designs));
            System.out.printf("[power] %s: %d designs judged in %.1f s%n", engine.label(), designs.size(),
                    (System.nanoTime() - engineStart) / 1e9);
            verdicts.get(engine).forEach((design, verdict) -> System.out.printf("[power]   %-40s %-10s %5.1f s %s%n",
                    design, verdict.status(), verdict.seconds(), verdict.summary()));
        }
        DatabasePower.Figures figures = DatabasePower.of(corpus, (design, engine) -> design.runsOn(engine, named),
                verdicts, notRun, (System.nanoTime() - start) / 1e9);
        Path json = DatabasePower.write(figures);
        System.out.printf("[power] %s%n[power] %.1f s; figures in %s%n", figures.line(), figures.seconds(), json);
        if (!figures.misses().isEmpty() || !figures.falseAlarmCells().isEmpty() || !figures.notJudged().isEmpty()) {
            fail("the database suite's power on the corpus is not what the corpus says it must be:%n%s%nReproduce one"
                    .formatted(figures.line()) + " design: mvn -pl power -am verify -Dtest=DatabasePowerTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Doversell.power.design=NAME -Doversell.engines=ENGINE");
        }
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
