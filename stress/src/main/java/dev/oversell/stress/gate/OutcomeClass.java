package dev.oversell.stress.gate;

import dev.oversell.stress.scenarios.Outcomes;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;

import java.util.Arrays;
import java.util.List;

/**
 * What an observed jcstress outcome means for Oversell, read from the test class's own {@link Outcome}
 * annotations (jcstress ids are regular expressions; an annotation without id catches the rest).
 */
enum OutcomeClass {
    /** Explained by some sequential order. */
    FINE,
    /** More sold than existed: described with {@link Outcomes#OVERSELL}. */
    OVERSELL,
    /** Anything else no sequential order explains: a lost update, a lost sale, a failed call. */
    BROKEN;

    record Classified(OutcomeClass outcomeClass, String description) {
    }

    static Classified of(Class<?> test, String outcome) {
        List<Outcome> declared = Arrays.asList(test.getAnnotationsByType(Outcome.class));
        for (Outcome o : declared) {
            if (o.id().length > 0 && Arrays.stream(o.id()).anyMatch(outcome::matches)) {
                return classify(o);
            }
        }
        return declared.stream().filter(o -> o.id().length == 0).findFirst().map(OutcomeClass::classify)
                .orElse(new Classified(BROKEN, "not declared by the test"));
    }

    private static Classified classify(Outcome o) {
        if (o.desc().startsWith(Outcomes.OVERSELL)) {
            return new Classified(OVERSELL, o.desc());
        }
        return new Classified(o.expect() == Expect.FORBIDDEN ? BROKEN : FINE, o.desc());
    }
}
