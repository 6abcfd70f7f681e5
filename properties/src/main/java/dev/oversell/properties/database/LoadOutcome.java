package dev.oversell.properties.database;

import dev.oversell.judge.Coverage;
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

    /**
     * How much the run covered: its purchases, sampled from its seed; not checked if no purchase succeeded (a
     * design that fails every purchase sells nothing and so never oversells: that is no evidence it holds).
     * {@code reproduce} is the command that runs it again.
     */
    public Coverage coverage(String reproduce) {
        if (purchased == 0) {
            return new Coverage.NotChecked("no purchase succeeded (" + attempted + " attempted: " + outOfStock
                    + " out of stock, " + errors + " failed with an error), so nothing was sold to judge", reproduce
                    + " -Doversell.loadSeed=" + seed);
        }
        return new Coverage.Sampled(attempted, 0, "purchases by " + buyers + " buyers, " + purchased + " succeeded", seed);
    }
}
