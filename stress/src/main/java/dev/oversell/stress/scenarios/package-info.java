/**
 * jcstress scenarios that every in-memory catalogue variant runs through, through its public API.
 *
 * <p>One class per scenario, none per variant: the variant is chosen per jcstress run with
 * {@code -Doversell.variant=NAME} (see {@code dev.oversell.stress.gate.StressRun}, which runs every catalogue
 * variant). Outcome ids and descriptions are the same for every variant. jcstress grades an oversell as
 * {@code ACCEPTABLE_INTERESTING} for everyone; the real grading comes from the variant's claim, applied by
 * {@code dev.oversell.stress.gate.StressGate}: forbidden for "never oversells", required for "may oversell".
 * Outcomes no sequential order explains, other than an oversell, are {@code FORBIDDEN} here.
 *
 * <p>Result fields: units each buyer got (0 = out of stock, -1 = the call failed), then the final stock.
 */
package dev.oversell.stress.scenarios;
