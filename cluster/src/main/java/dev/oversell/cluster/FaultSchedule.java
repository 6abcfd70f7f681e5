package dev.oversell.cluster;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded schedule: the faults in order, and for each how many purchases every lane must have had answered
 * before it strikes (so that it lands mid-traffic, with stock left, whatever the machine's speed). The same seed
 * gives the same schedule; what the cluster and the engines do in between is theirs.
 *
 * @param stock units of each phase's product, per lane: more than the most that can sell before the fault
 */
public record FaultSchedule(long seed, List<Fault> faults, List<Integer> answersBeforeFault, long stock) {

    public static final int LEAST_BEFORE_FAULT = 5;
    public static final int MOST_BEFORE_FAULT = 20;

    public FaultSchedule {
        faults = List.copyOf(faults);
        answersBeforeFault = List.copyOf(answersBeforeFault);
        if (faults.size() != answersBeforeFault.size()) {
            throw new IllegalArgumentException("one trigger per fault");
        }
    }

    /** Every fault once, in declaration order, each after a seeded number of answers; 60 units per phase. */
    public static FaultSchedule of(long seed) {
        return of(seed, List.of(Fault.values()));
    }

    /** {@code faults} in this order, each after a seeded number of answers; 60 units per phase. */
    public static FaultSchedule of(long seed, List<Fault> faults) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> triggers = faults.stream()
                .map(f -> random.nextInt(LEAST_BEFORE_FAULT, MOST_BEFORE_FAULT + 1)).toList();
        return new FaultSchedule(seed, faults, triggers, 3L * MOST_BEFORE_FAULT);
    }

    /** The fault whose phase sells {@code product} ({@code kill-owner}, ...). */
    public static Fault named(String product) {
        for (Fault fault : Fault.values()) {
            if (fault.product().equals(product)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("no fault named '" + product + "'");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("seed " + seed + ":");
        for (int i = 0; i < faults.size(); i++) {
            out.append(' ').append(faults.get(i).product()).append(" after ").append(answersBeforeFault.get(i))
                    .append(" answers per lane;");
        }
        return out.append(' ').append(stock).append(" units per lane and phase").toString();
    }
}
