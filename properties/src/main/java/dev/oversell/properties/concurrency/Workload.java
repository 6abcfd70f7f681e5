package dev.oversell.properties.concurrency;

import java.util.ArrayList;
import java.util.List;

/**
 * What one Lincheck check runs, always on the same generic operations ({@link InventoryOperations}, for every
 * design): one {@link CriticalScenario} written by hand, or a bounded number of scenarios Lincheck generates.
 * Each is reported on its own.
 */
sealed interface Workload {

    String label();

    /** One hand-written scenario; the model checker explores its interleavings, fewest switches first, up to a bound. */
    record Critical(CriticalScenario scenario) implements Workload {
        @Override
        public String label() {
            return scenario.name();
        }
    }

    /** The critical scenarios {@code contract}'s designs meet, in order. */
    static List<Workload> critical(Contract contract) {
        List<Workload> critical = new ArrayList<>();
        contract.scenarios().forEach(scenario -> critical.add(new Critical(scenario)));
        return critical;
    }

}
