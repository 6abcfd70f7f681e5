package dev.oversell.properties.database;

import dev.oversell.judge.Finding;

import java.util.List;

/**
 * What a seeded load run did (Jepsen-style counts, not just pass/fail): purchases attempted, purchased, told
 * out of stock, failed with an error; units available (initial + restocked) and sold; units oversold; which
 * invariants broke; and what the accounts show, in the words of {@link Finding} ({@code finding}: oversold,
 * lost update or held).
 */
public record LoadOutcome(long seed, int buyers, int attempted, int purchased, int outOfStock, int errors,
                   long initialStock, long restocked, long unitsSold, long finalStock, long oversoldUnits,
                   List<String> brokenInvariants, long millis, String finding) {

    public Finding judged() {
        return Finding.ofWord(finding);
    }
}
