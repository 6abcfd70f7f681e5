package dev.oversell.properties.database;

import dev.oversell.model.jdbc.SelectForUpdate;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.Engine;
import dev.oversell.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step gate never fails open, on every reachable engine: blinded to lock waits, it lets a transaction wait
 * on a lock that only the other transaction's next step would release, the engine's lock timeout ends the wait,
 * and the gate must report that as its own error, never score the schedule "held" after a serial retry.
 */
class ScheduleGateTest {

    /** SELECT ... FOR UPDATE, T2's locking read after T1's: T2 waits until T1 commits. */
    private static final List<Integer> T2_WAITS_FOR_T1 = List.of(1, 1, 2, 2, 1, 1, 2, 2); // b1 r1 b2 r2 w1 c1 w2 c2

    @TestFactory
    Stream<DynamicTest> aGateBlindToLockWaitsFailsTheRun() {
        return DatabaseSettings.requestedEngines().stream().map(engine -> DynamicTest.dynamicTest(engine.label()
                + ": a lock timeout inside a schedule is a gate error, not a pass", () -> blindGate(engine)));
    }

    private static void blindGate(Engine engine) {
        Database database = Engines.openOrSkip(engine);
        LockProbe blind = (monitor, session) -> false;
        try (Store store = Store.create(database, Map.of(ScheduleRunner.SKU, 1L));
             ScheduleRunner runner = new ScheduleRunner(store, SchedulePlan.lastUnit(new SelectForUpdate()), blind,
                     1_000)) {
            assertThatThrownBy(() -> runner.run(T2_WAITS_FOR_T1))
                    .as("schedule %s with a gate blind to lock waits", runner.name(T2_WAITS_FOR_T1))
                    .isInstanceOf(GateError.class)
                    .hasMessageContaining("lock timeout inside a schedule");
        }
    }

    @AfterAll
    static void closeEngines() {
        Engines.closeAll();
    }
}
