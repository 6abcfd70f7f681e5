package dev.oversell.stress.gate;

import dev.oversell.design.Claim;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One design's claim judged over all its jcstress scenarios, by the rule every Oversell check uses
 * ({@link Judge#disagreement}): "never oversells" holds only if no scenario saw an oversell, a lost update or an
 * outcome no order explains; "may oversell" is demonstrated only if some scenario saw an oversell. A claim is not
 * judged, and fails, when a scenario errored or was not checked (the time budget ran out): what was not run is
 * never counted as "held". Serialised into claims.json; {@code problem} is null when the claim agrees with what
 * was measured.
 */
public record ClaimJudgement(String variant, String claim, String problem, String report, String reproduce) {

    static ClaimJudgement of(String variant, Claim claim, List<ScenarioResult> rows, String report, String reproduce) {
        List<String> unjudged = rows.stream().filter(r -> r.verdict().equals("error") || r.verdict().equals("not checked"))
                .map(r -> r.scenario() + " (" + r.verdict() + ")").toList();
        List<Finding> findings = rows.stream().map(ScenarioResult::verdict)
                .filter(v -> Arrays.stream(Finding.values()).anyMatch(f -> f.word().equals(v)))
                .map(Finding::ofWord).toList();
        String notJudged = unjudged.isEmpty() ? null
                : variant + "'s claim " + claim + " is not judged: " + String.join(", ", unjudged);
        Optional<String> disagreement = findings.isEmpty() && notJudged != null ? Optional.empty()
                : Judge.disagreement(variant, "jcstress (" + findings.size()
                        + (findings.size() == 1 ? " scenario)" : " scenarios)"), claim, findings)
                .map(why -> claim == Claim.MAY_OVERSELL && !findings.isEmpty()
                        ? why + ". Run longer: -Doversell.jcstress.options=\"-m tough\"" : why);
        String problem = disagreement.map(why -> notJudged == null ? why : why + "; and " + notJudged).orElse(notJudged);
        return new ClaimJudgement(variant, claim.name(), problem, report, reproduce);
    }

    boolean failed() {
        return problem != null;
    }
}
