/**
 * jcstress scenarios that every in-memory catalogue variant runs through, through its public API.
 *
 * <p>One abstract class per scenario, none per variant: each is marked
 * {@link dev.oversell.stress.processor.ForEveryVariant}, and at compile time one concrete jcstress test per
 * catalogue variant is written ({@code dev.oversell.stress.generated.LastUnit__Naive}, ...), so one jcstress run
 * covers every variant (see {@code dev.oversell.stress.gate.StressRun}). Each scenario lists the outcomes some
 * sequential order of its calls explains; every other outcome is {@code FORBIDDEN} to jcstress, and the gate
 * ({@code dev.oversell.stress.gate.StressGate}) says what it means from the scenario's {@link
 * dev.oversell.stress.scenarios.Accounts} (oversold, lost update, not linearizable) and judges it by the
 * variant's claim: for "never oversells" any such outcome fails; "may oversell" must be shown an oversell.
 *
 * <p>Result fields: units each buyer got (0 = out of stock, -1 = the call failed, -2 = refused as closed), then
 * the final stock.
 */
package dev.oversell.stress.scenarios;
