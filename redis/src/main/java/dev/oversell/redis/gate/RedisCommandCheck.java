package dev.oversell.redis.gate;

import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Seeds;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.redis.RedisDesign;
import dev.oversell.run.RunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Redis design's judgement by the command-level gate: every distinct execution of each plan
 * ({@link #PLANS}: the database family's plans, and a buyer of 2 racing a buyer of 1 for the last unit, which
 * shows a design that takes units first refusing while they are out), one {@link Observation} per plan with its coverage, judged by the
 * one {@link Judge} against the design's claim. The script of each plan's worst execution is written to
 * {@code target/oversell/runs/<id>/redis/<design>/<plan>.redis}.
 *
 * <p>The observations are of the family {@link Observation.Family#DATABASE_SCHEDULES}, with Redis as the engine:
 * the same kind of check as the statement gate's, one column further. {@link dev.oversell.redis.RedisSuite} writes
 * them to the run's {@code redis/observations.json}, and the report shows them in a Redis column.
 */
public final class RedisCommandCheck {

    /** The plans every Redis design is run through, as the database designs are. */
    public static final List<StatementPlan> PLANS = List.of(StatementPlan.lastUnit(), StatementPlan.twoUnitsEach(),
            StatementPlan.restockRacingPurchase(), StatementPlan.threeBuyers(), StatementPlan.largerBuyerFirst());
    /** Runs per plan before the exploration stops and says it did not check ({@code -Doversell.explorationLimit}). */
    private static final int LIMIT = Seeds.intProperty("oversell.explorationLimit", 5_000);
    /** The engine column's label. */
    public static final String ENGINE = "Redis";

    private RedisCommandCheck() {
    }

    /** Every plan's exploration of {@code design}, as observations; {@code reproduce} reruns the check. */
    public static List<Observation> observe(RedisDesign design, String reproduce) {
        List<Observation> observed = new ArrayList<>();
        int buyers = PLANS.stream().mapToInt(p -> p.calls().size()).max().orElse(2);
        try (CommandScheduleRunner runner = new CommandScheduleRunner(design, buyers)) {
            for (StatementPlan plan : PLANS) {
                PlanResult result = runner.explore(plan, LIMIT, reproduce);
                String evidence = result.script() == null ? null : write(design, plan, result.script());
                System.out.printf("[redis] %s, %s: %s%s, %s%s%n", design.name(), plan.name(),
                        result.finding() == null ? "-" : result.finding().word(),
                        result.accepted() == null ? "" : " (accepted: " + result.accepted().words() + ")",
                        result.coverage().words(),
                        result.scheduleName() == null ? "" : " (first worst: " + result.scheduleName() + ")");
                observed.add(new Observation(RunFolder.id(), design.name(), Observation.Family.DATABASE_SCHEDULES,
                        plan.name(), ENGINE, runner.version(), result.coverage(), result.finding(),
                        null,
                        result.finding() == null || !result.finding().anomaly() ? null : result.script(),
                        reproduce, evidence, result.byFinding().isEmpty() ? null : "executions by finding: "
                        + result.byFinding(), result.accepted()));
            }
        }
        return observed;
    }

    /** Why the observations disagree with the design's claim, or empty: the one judge's rule. */
    public static Optional<String> judge(RedisDesign design, List<Observation> observed) {
        return Judge.judge(design.name(), "the Redis command interleavings", design.claim(), observed);
    }

    private static String write(RedisDesign design, StatementPlan plan, String script) {
        Path dir = RunFolder.dir("redis").resolve(design.name());
        Path file = dir.resolve(plan.name().replaceAll("[^A-Za-z0-9]+", "-") + ".redis");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RunFolder.dir().relativize(file).toString();
    }
}
