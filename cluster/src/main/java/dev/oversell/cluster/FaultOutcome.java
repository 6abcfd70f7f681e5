package dev.oversell.cluster;

import dev.oversell.judge.Finding;

import java.util.Set;

/**
 * What one lane went through in one fault's phase: what its buyers were told, and what the database says.
 *
 * @param stall            the lane's purchase held at the stall point (pause-owner-mid-purchase), else null
 * @param attempted        purchases (request ids) the lane's buyers made
 * @param purchased        of those, answered "purchased"
 * @param outOfStock       answered "out of stock"
 * @param failed           no answer after every resubmission (failed or timed out: outcome unknown to the buyer)
 * @param resubmitted      resubmissions of a request id after a failure or a time-out
 * @param existed          units the phase's product had
 * @param unitsSold        units the database recorded as sold (one record per request id, at most)
 * @param finalStock       the product's stock at the end
 * @param oversoldUnits    units sold beyond those that existed
 * @param conserved        stock and sales add up: every unit taken is one recorded sale (no request applied twice)
 * @param unrecordedAcks   buyers told "purchased" with no such sale recorded
 * @param contradicted     buyers told "out of stock" for a request the database recorded as a sale
 * @param soldOut          a buyer was told the product was sold out before the phase ended
 * @param tokens           fencing tokens the answers carried (one per incarnation that answered)
 * @param answeredBy       nodes whose entity answered
 * @param finding          the accounts in the words of {@link Finding}
 */
public record FaultOutcome(Fault fault, Lane lane, String faultDetail, Stall stall, int attempted, int purchased, int outOfStock,
                           int failed, int resubmitted, long existed, long unitsSold, long finalStock,
                           long oversoldUnits, boolean conserved, int unrecordedAcks, int contradicted,
                           boolean soldOut, Set<Long> tokens, Set<String> answeredBy, Finding finding, long millis) {

    /** True when nothing the contract forbids was seen: not oversold, accounts add up, no answer contradicted. */
    public boolean held() {
        return finding == Finding.HELD && unrecordedAcks == 0 && contradicted == 0;
    }

    /** One line for people. */
    public String line() {
        return String.format("%-24s %-39s attempted %3d  purchased %3d  out of stock %3d  failed/timed out %3d"
                        + "  resubmitted %3d | db: sold %3d of %3d, stock %3d, oversold %d, %s%s%s | tokens %s, answered by %s, %s, %d ms",
                fault.product(), lane.name(), attempted, purchased, outOfStock, failed, resubmitted, unitsSold, existed,
                finalStock, oversoldUnits, conserved ? "adds up" : "DOES NOT ADD UP",
                unrecordedAcks > 0 ? ", " + unrecordedAcks + " acknowledged sales unrecorded" : "",
                contradicted > 0 ? ", " + contradicted + " out-of-stock answers contradicted" : "",
                tokens, answeredBy, soldOut ? "sold out" : "NOT sold out", millis)
                + " -> " + (finding.anomaly() ? finding.word() : held() ? "held" : "answers contradict the database");
    }
}
