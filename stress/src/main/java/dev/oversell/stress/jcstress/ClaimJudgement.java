package dev.oversell.stress.jcstress;

import dev.oversell.design.Claim;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One design's claim judged over all its jcstress scenarios, by the rule every Oversell check uses
 * ({@link Judge#judge}, over the scenarios' {@link Observation}s): "never oversells" holds only if no scenario saw
 * an oversell, a lost update or an outcome no order explains, and every scenario ran (one that errored or that the
 * time budget left unchecked fails it: what was not run is never counted as "held"); "may oversell" is
 * demonstrated only if some scenario saw an oversell, which stands whatever did not run. Serialised into claims.json; {@code problem} is null when the claim agrees with what
 * was measured.
 */
public record ClaimJudgement(String variant, String claim, String problem, String report, String reproduce) {

    static ClaimJudgement of(String variant, Claim claim, List<ScenarioResult> rows, String report, String reproduce) {
        List<Observation> observations = rows.stream().map(ScenarioResult::toObservation).toList();
        long ran = observations.stream().filter(Observation::checked).count();
        String problem = Judge.judge(variant, "jcstress (" + ran + (ran == 1 ? " scenario)" : " scenarios)"), claim,
                        observations)
                .map(why -> claim == Claim.MAY_OVERSELL && ran > 0 && why.contains("never saw an oversell")
                        ? why + ". Run longer: -Doversell.jcstress.options=\"-m tough\"" : why)
                .orElse(null);
        return new ClaimJudgement(variant, claim.name(), problem, report, reproduce);
    }

    boolean failed() {
        return problem != null;
    }
}
