package dev.oversell.run;

import java.util.List;

/**
 * A family's units of work ({@link Shard}) as its record names them: every unit of the whole run, and those the
 * shard that wrote the record took ({@link Shard#take}). A report made from several run folders checks that the
 * shards took every unit of the run exactly once, and names the shard and family that wrote nothing of a unit.
 *
 * @param ofTheRun the family's units in the whole run ({@code database/db-ledger/h2, ...})
 * @param taken    those the shard took, in the same order
 */
public record Units(List<String> ofTheRun, List<String> taken) {

    /** Of {@code ofTheRun}, those {@code shard} runs. */
    public static Units of(Shard shard, List<String> ofTheRun) {
        return new Units(List.copyOf(ofTheRun), ofTheRun.stream().filter(shard::runs).toList());
    }
}
