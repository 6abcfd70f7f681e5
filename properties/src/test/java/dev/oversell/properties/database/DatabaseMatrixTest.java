package dev.oversell.properties.database;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Designs;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.properties.database.jdbc.PlanRun;
import dev.oversell.properties.database.jdbc.JdbcScheduleOutcome;
import dev.oversell.properties.database.jdbc.ScheduleKind;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database matrix judges a cell in the project's words: a "may oversell" claim is demonstrated only by an
 * oversell, never by a lost update that left the stock higher than it should be, nor by answers no order
 * explains; a "never oversells" claim fails on any of them.
 */
class DatabaseMatrixTest {

    /** db-read-write-read-committed claims it may oversell on every engine. */
    private static final String MAY = "db-read-write-read-committed";
    /** db-conditional-update claims it never oversells on every engine. */
    private static final String NEVER = "db-conditional-update";

    @Test
    void aLostUpdateThatLeftStockHigherDoesNotDemonstrateAnOversell() {
        DesignOnEngine cell = new DesignOnEngine(Engine.H2, Designs.byName(MAY, DatabaseDesign.class));
        // 10 existed, 7 sold, but the stock reads 5: a restock was lost; nobody got a unit that did not exist
        cell.load = load(10, 7, 5);
        ran(cell, schedule(Finding.LOST_UPDATE, 2, 1, 0));
        assertThat(DatabaseMatrix.problem(cell)).as("the claim check of " + MAY).isNotNull()
                .contains("never saw an oversell").contains("lost update");
    }

    @Test
    void answersNoOrderExplainsDoNotDemonstrateAnOversell() {
        DesignOnEngine cell = new DesignOnEngine(Engine.H2, Designs.byName(MAY, DatabaseDesign.class));
        ran(cell, schedule(Finding.NOT_LINEARIZABLE, 1, 0, 1));
        assertThat(DatabaseMatrix.problem(cell)).isNotNull().contains("not linearizable");
    }

    @Test
    void anOversellDemonstratesItAndBreaksANeverClaim() {
        DesignOnEngine may = new DesignOnEngine(Engine.H2, Designs.byName(MAY, DatabaseDesign.class));
        ran(may, schedule(Finding.OVERSOLD, 1, 2, 0));
        assertThat(DatabaseMatrix.problem(may)).isNull();
        DesignOnEngine never = new DesignOnEngine(Engine.H2, Designs.byName(NEVER, DatabaseDesign.class));
        ran(never, schedule(Finding.HELD, 1, 1, 0));
        assertThat(DatabaseMatrix.problem(never)).isNull();
        never.load = load(10, 7, 5);
        assertThat(DatabaseMatrix.problem(never)).isNotNull().contains("lost update");
    }

    @Test
    void aCellThatMeasuredNothingIsNeverHeld() {
        DesignOnEngine never = new DesignOnEngine(Engine.H2, Designs.byName(NEVER, DatabaseDesign.class));
        assertThat(DatabaseMatrix.problem(never)).isNotNull().contains("nothing was checked");
    }

    @Test
    void aPlanStoppedAtItsExplorationLimitIsNotCheckedAndNamesTheSettingToRaise() {
        DesignOnEngine never = new DesignOnEngine(Engine.H2, Designs.byName(NEVER, DatabaseDesign.class));
        ran(never, schedule(Finding.HELD, 1, 1, 0));
        PlanRun stopped = never.plan("three buyers");
        stopped.add(schedule(Finding.HELD, 1, 1, 0));
        stopped.ended(new Coverage.NotChecked("stopped at its limit of 5000 executions", "-Doversell.explorationLimit=20000"));
        assertThat(DatabaseMatrix.problem(never)).as("held beside a plan stopped at its limit is no held").isNotNull()
                .contains("three buyers").contains("-Doversell.explorationLimit=20000");
    }

    @Test
    void aPlanWhoseExecutionsAFailureStoppedIsNotChecked() {
        DesignOnEngine never = new DesignOnEngine(Engine.H2, Designs.byName(NEVER, DatabaseDesign.class));
        ran(never, schedule(Finding.HELD, 1, 1, 0));
        never.plan("restock racing a purchase").add(schedule(Finding.HELD, 1, 1, 0)); // a gate error: never ended
        assertThat(DatabaseMatrix.problem(never)).isNotNull().contains("restock racing a purchase")
                .contains("a failure stopped them");
    }

    @Test
    void aLoadRunInWhichNoPurchaseSucceededIsNotChecked() {
        DesignOnEngine never = new DesignOnEngine(Engine.H2, Designs.byName(NEVER, DatabaseDesign.class));
        ran(never, schedule(Finding.HELD, 1, 1, 0));
        never.load = load(10, 0, 10);
        assertThat(DatabaseMatrix.problem(never)).as("a design that fails every purchase never oversells: no evidence")
                .isNotNull().contains("no purchase succeeded");
    }

    @Test
    void aPlanTheDesignDeclaresItDoesNotDoIsNeitherForNorAgainst() {
        DesignOnEngine never = new DesignOnEngine(Engine.H2, Designs.byName(NEVER, DatabaseDesign.class));
        ran(never, schedule(Finding.HELD, 1, 1, 0));
        never.notRun("restock racing a purchase", new Coverage.NotApplicable("the design has no restock"));
        assertThat(DatabaseMatrix.problem(never)).isNull();
    }

    /** One plan's execution, the plan then ended with every distinct execution run. */
    private static void ran(DesignOnEngine cell, JdbcScheduleOutcome outcome) {
        PlanRun plan = cell.plan("last unit");
        plan.add(outcome);
        plan.ended(new Coverage.Every(plan.outcomes().size()));
    }

    private static JdbcScheduleOutcome schedule(Finding finding, long existed, long sold, long stock) {
        return new JdbcScheduleOutcome("test", "s1 s2 u1 u2", finding, ScheduleKind.NO_CONFLICT, List.of(), List.of(),
                existed, sold, stock, "", 0);
    }

    private static LoadOutcome load(long existed, long sold, long stock) {
        Finding finding = Finding.ofAccounts(existed, sold, stock);
        return new LoadOutcome(1, 8, 40, (int) sold, 40 - (int) sold, 0, existed, 0, sold, stock, 0,
                List.of("conservation: stock " + stock + " + sold " + sold + " != " + existed), 1, finding.word(),
                Map.of("hot", new LoadOutcome.Account(existed, 0, sold, stock, finding.word())));
    }
}
