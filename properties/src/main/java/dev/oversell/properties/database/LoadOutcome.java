package dev.oversell.properties.database;

import dev.oversell.judge.Finding;

import java.util.List;
import java.util.Map;

/**
 * What a seeded load run did (Jepsen-style counts, not just pass/fail): purchases attempted, purchased, told
 * out of stock, failed with an error; units available (initial + restocked) and sold, summed over the
 * products; units oversold; which invariants broke; what the accounts show, in the words of {@link Finding}
 * ({@code finding}: oversold, lost update or held; the worst of the products); and each product's accounts.
 */
public record LoadOutcome(long seed, int buyers, int attempted, int purchased, int outOfStock, int errors,
                   long initialStock, long restocked, long unitsSold, long finalStock, long oversoldUnits,
                   List<String> brokenInvariants, long millis, String finding, Map<String, Account> products) {

    /** One product's accounts after the run, and what they show. */
    public record Account(long initialStock, long restocked, long unitsSold, long finalStock, String finding) {
    }

    public Finding judged() {
        return Finding.ofWord(finding);
    }
}
