package dev.oversell.redis.gate;

import dev.oversell.design.Claim;
import dev.oversell.design.Designs;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.judge.Relaxation;
import dev.oversell.catalogue.redis.RedisDesigns;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.redis.NoKeyLeftBehind;
import dev.oversell.redis.RedisDesign;
import dev.oversell.run.Reproduce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The command-level gate's own promises: a check-then-act is caught with a two-buyer script a person can replay, a
 * script and commuting reads are one step, a misclaim fails with its script, and no key is left behind (how long a
 * design takes to judge is printed by {@link dev.oversell.redis.RedisSuite}, never asserted). Every design's judgement against its
 * claim is {@code BuiltInRedisTest}'s, through {@link dev.oversell.redis.RedisSuite}.
 */
class RedisCommandGateTest {

    private static RedisDesign design(String name) {
        return RedisDesigns.all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static String reproduce(RedisDesign design) {
        return Reproduce.command(RedisCommandGateTest.class, Designs.ONLY + "=" + design.name());
    }

    /** The two round trips of GET then DECRBY are caught on the last unit, with both buyers in the script. */
    @Test
    void checkThenActOverTwoRoundTripsIsCaughtWithAReplayableTwoBuyerScript() {
        RedisDesign design = design("redis-get-then-decrby");
        try (CommandScheduleRunner runner = new CommandScheduleRunner(design, 2)) {
            PlanResult lastUnit = runner.explore(StatementPlan.lastUnit(), 100, reproduce(design));
            assertThat(lastUnit.coverage()).isInstanceOf(Coverage.Every.class);
            assertThat(lastUnit.finding()).isEqualTo(Finding.OVERSOLD);
            assertThat(lastUnit.script()).contains("-- B1\nGET oversell:{replay}:stock:sku   -- \"1\"\n")
                    .contains("-- B2\nGET oversell:{replay}:stock:sku   -- \"1\"\n")
                    .contains("DECRBY oversell:{replay}:stock:sku 1   -- (integer) -1")
                    .contains("SET oversell:{replay}:stock:sku 1\n")
                    .contains("# oversold: 2 units sold, 1 existed; stock now -1");
            System.out.println(lastUnit.script());
        }
    }

    /**
     * The gate's reduction at work: the Lua design's purchase is one step, so two buyers have exactly two orders;
     * WATCH/MULTI/EXEC's GET of one buyer and the other's GET commute, so fewer orders than the interleavings of
     * its commands are run.
     */
    @Test
    void aScriptIsOneStepAndTwoReadsAreRunInOneOrder() {
        RedisDesign lua = design("redis-lua-check-and-decrement");
        try (CommandScheduleRunner runner = new CommandScheduleRunner(lua, 2)) {
            assertThat(runner.explore(StatementPlan.lastUnit(), 100, reproduce(lua)).coverage())
                    .isEqualTo(new Coverage.Every(2));
        }
        RedisDesign getThenDecrby = design("redis-get-then-decrby");
        try (CommandScheduleRunner runner = new CommandScheduleRunner(getThenDecrby, 2)) {
            // GET, DECRBY each: 6 orders, of which g1 g2 and g2 g1 first are one: 4 distinct executions
            assertThat(runner.explore(StatementPlan.lastUnit(), 100, reproduce(getThenDecrby)).coverage())
                    .isEqualTo(new Coverage.Every(4));
        }
    }

    /**
     * A design that claims more than it does fails its judgement, and the failure carries the replayable script:
     * GET then DECRBY, declared here as if it never oversold.
     */
    @Test
    void aMisclaimedDesignFailsWithItsRedisCliScript() {
        RedisDesign real = design("redis-get-then-decrby");
        RedisDesign misclaimed = RedisDesign.named("redis-get-then-decrby-misclaimed")
                .of(real.type(), real.factory()).claims(Claim.NEVER_OVERSELLS).mechanism(real.mechanism())
                .doesNotDeduplicateRequestIds().build();
        Optional<String> disagreement = RedisCommandCheck.judge(misclaimed,
                RedisCommandCheck.observe(misclaimed, reproduce(misclaimed)));
        assertThat(disagreement).hasValueSatisfying(why -> assertThat(why)
                .contains("claims it never oversells, but the Redis command interleavings saw: oversold")
                .contains("-- B1\nGET oversell:{replay}:stock:sku").contains("-- B2\n"));
    }

    /**
     * What DECRBY-then-INCRBY tells a buyer while another's units are briefly out: stock 1, B1 buys 2 (the stock
     * goes to -1), B2 buys 1 in that window and sees -2, and is refused the unit every sequential order sells it. The
     * cell names it not linearizable; the design declares that weaker contract, so its claim holds, and the same design
     * declared without it fails with the script of that refusal. The Lua script, one step, is linearizable on the same
     * plan.
     */
    @Test
    void aRefusalWhileTheStockIsBrieflyNegativeIsNamedAndBreaksTheClaimUnlessDeclared() {
        StatementPlan window = StatementPlan.largerBuyerFirst();
        RedisDesign compensate = design("redis-decrby-then-compensate");
        try (CommandScheduleRunner runner = new CommandScheduleRunner(compensate, 2)) {
            PlanResult result = runner.explore(window, 100, reproduce(compensate));
            System.out.println(result.script());
            assertThat(result.coverage()).isInstanceOf(Coverage.Every.class);
            assertThat(result.finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
            assertThat(result.accepted()).isEqualTo(Relaxation.REFUSES_WHILE_UNITS_ARE_OUT);
            assertThat(result.script()).contains("DECRBY oversell:{replay}:stock:sku 2   -- (integer) -1")
                    .contains("DECRBY oversell:{replay}:stock:sku 1   -- (integer) -2")
                    .contains("The design accepts it");
        }
        assertThat(RedisCommandCheck.judge(compensate, RedisCommandCheck.observe(compensate, reproduce(compensate))))
                .isEmpty();

        RedisDesign undeclared = RedisDesign.named("redis-decrby-then-compensate-undeclared")
                .of(compensate.type(), compensate.factory()).claims(Claim.NEVER_OVERSELLS)
                .mechanism(compensate.mechanism()).doesNotDeduplicateRequestIds().build();
        assertThat(RedisCommandCheck.judge(undeclared, RedisCommandCheck.observe(undeclared, reproduce(undeclared))))
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("claims it never oversells, but the Redis command interleavings saw: not linearizable")
                        .contains("DECRBY oversell:{replay}:stock:sku 1   -- (integer) -2")
                        .contains("not linearizable: 0 units sold, 1 existed; stock now 1"));

        RedisDesign lua = design("redis-lua-check-and-decrement");
        try (CommandScheduleRunner runner = new CommandScheduleRunner(lua, 2)) {
            assertThat(runner.explore(window, 100, reproduce(lua)).finding()).isEqualTo(Finding.HELD);
        }
    }

    /** Every execution's store is deleted after it: none of this JVM's keys are left. */
    @AfterAll
    static void noKeyIsLeftBehind() {
        NoKeyLeftBehind.check();
    }
}
