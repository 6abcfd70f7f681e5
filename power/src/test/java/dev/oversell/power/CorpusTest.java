package dev.oversell.power;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.power.database.DatabaseCorpus;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each corpus says of each design, in one declaration, what the checks must make of it; and is big enough. */
class CorpusTest {

    private static final List<CorpusEntry> BOTH = Stream.concat(Corpus.entries().stream(),
            DatabaseCorpus.ENTRIES.stream()).toList();

    @Test
    void aBuggyDesignsClassNameSaysBrokenAndATwinsDoesNot() {
        for (CorpusEntry entry : BOTH) {
            assertEquals(entry.bug().isPresent(), entry.type().getSimpleName().contains("_Broken"),
                    entry.type().getSimpleName() + ": a buggy design's class name says _Broken, a twin's does not");
        }
    }

    @Test
    void aKnownBugNamesWhereItMustBeCaughtInTermsOfItsFamily() {
        for (CorpusEntry entry : BOTH) {
            String name = entry.name();
            boolean database = entry.design() instanceof DatabaseDesign;
            entry.bug().ifPresent(bug -> {
                assertTrue(bug.caughtBy().length > 0 && bug.seenAs().length > 0, name + ": caught by whom, seen as what");
                for (Family family : bug.caughtBy()) {
                    assertTrue(entry.judgedBy(family), name + ": " + family + " does not judge this kind of design");
                }
                assertEquals(database, bug.caughtOn().length > 0, name + ": engines name where a database bug is caught,"
                        + " and only a database bug's");
                assertTrue(Set.of(bug.caughtOn()).stream().noneMatch(List.of(bug.heldOn())::contains),
                        name + ": an engine cannot both catch it and refuse it");
                assertEquals(List.of(bug.caughtBy()).contains(Family.JCSTRESS), bug.scenarios().length > 0,
                        name + ": a bug jcstress must catch names the scenarios that catch it, and only such a bug");
            });
            entry.twin().ifPresent(twin -> assertEquals(database, twin.heldOn().length > 0,
                    name + ": a database twin names the engines it must hold on, and only a database twin"));
            RunsByDefault byDefault = entry.type().getAnnotation(RunsByDefault.class);
            if (byDefault != null) {
                for (Engine engine : byDefault.engines()) {
                    assertTrue(entry.engines().contains(engine), name + ": runs by default on " + engine
                            + ", an engine its entry does not name");
                }
                for (Family family : byDefault.value()) {
                    assertTrue(entry.judgedBy(family), name + ": runs by default under " + family + ", which does"
                            + " not judge this kind of design");
                }
            }
        }
    }

    @Test
    void theDefaultRunKeepsAKnownBugAndATwinForEveryFamily() {
        for (Family family : Family.values()) {
            List<CorpusEntry> byDefault = BOTH.stream().filter(e -> e.type().isAnnotationPresent(RunsByDefault.class)
                    && List.of(e.type().getAnnotation(RunsByDefault.class).value()).contains(family)).toList();
            assertTrue(byDefault.stream().anyMatch(e -> e.expected(family, family.perEngine ? defaultEngine(e) : null)
                    .orElse(null) == CorpusEntry.Expected.CAUGHT), family + ": no known bug in the default run");
            assertTrue(byDefault.stream().anyMatch(e -> e.twin().isPresent()), family + ": no twin in the default run");
        }
    }

    @Test
    void theCorporaHaveAtLeastThirtyKnownBugsAndTenTwins() {
        long bugs = BOTH.stream().filter(e -> e.bug().isPresent()).count();
        long twins = BOTH.size() - bugs;
        assertTrue(bugs >= 30 && twins >= 10, bugs + " known bugs and " + twins + " twins");
    }

    private static Engine defaultEngine(CorpusEntry entry) {
        Engine[] engines = entry.type().getAnnotation(RunsByDefault.class).engines();
        return engines.length == 0 ? null : engines[0];
    }
}
