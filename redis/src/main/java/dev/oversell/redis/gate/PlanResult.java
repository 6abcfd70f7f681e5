package dev.oversell.redis.gate;

import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Relaxation;

import java.util.Map;

/**
 * What the exploration of one plan saw: how much it covered, the most serious finding (null when it did not run),
 * how many executions showed each finding, and the script of the first execution that showed the most serious one
 * (null when every execution held); {@code accepted}: the design's declared {@link Relaxation} when the most serious
 * finding is "not linearizable" and every execution that showed it fitted the relaxation (null otherwise).
 */
public record PlanResult(String plan, Coverage coverage, Finding finding, Map<Finding, Integer> byFinding,
                         String script, String scheduleName, long attempted, long sold, long oversoldUnits,
                         Relaxation accepted) {
}
