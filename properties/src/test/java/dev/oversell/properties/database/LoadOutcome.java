package dev.oversell.properties.database;

import java.util.List;

/**
 * What a seeded load run did (Jepsen-style counts, not just pass/fail): purchases attempted, purchased, told
 * out of stock, failed with an error; units available (initial + restocked) and sold; units oversold; and
 * which invariants broke.
 */
public record LoadOutcome(long seed, int buyers, int attempted, int purchased, int outOfStock, int errors,
                   long initialStock, long restocked, long unitsSold, long finalStock, long oversoldUnits,
                   List<String> brokenInvariants, long millis) {

    public boolean oversold() {
        return oversoldUnits > 0 || finalStock < 0;
    }
}
