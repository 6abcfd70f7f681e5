package dev.oversell.power;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus says of each design whether it is buggy, and is big enough to measure power with. */
class CorpusTest {

    @Test
    void everyDesignIsEitherAKnownBugOrACorrectTwin() {
        for (Class<?> type : Corpus.types()) {
            boolean buggy = type.isAnnotationPresent(KnownBug.class);
            boolean twin = type.isAnnotationPresent(CorrectTwin.class);
            assertTrue(buggy ^ twin, type.getSimpleName() + " must carry exactly one of @KnownBug and @CorrectTwin");
            assertEquals(buggy, type.getSimpleName().contains("_Broken"),
                    type.getSimpleName() + ": a buggy design's class name says _Broken, a twin's does not");
        }
    }

    @Test
    void theCorpusHasAtLeastSixteenKnownBugsAndSixTwins() {
        long buggy = Corpus.types().stream().filter(t -> t.isAnnotationPresent(KnownBug.class)).count();
        long twins = Corpus.types().size() - buggy;
        assertTrue(buggy >= 16 && twins >= 6, buggy + " known bugs and " + twins + " twins");
    }
}
