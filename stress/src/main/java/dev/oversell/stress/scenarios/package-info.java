/**
 * jcstress scenarios that every in-memory design runs through, through its public API.
 *
 * <p>One concrete jcstress test per scenario ({@code @JCStressTest}, {@code @State}), none per design, compiled
 * once into this jar by jcstress's own annotation processor (its harnesses and {@code META-INF/TestList} are in
 * the jar). A scenario's state builds the design named by {@code -Doversell.stress.design} ({@link
 * dev.oversell.stress.scenarios.DesignState}); the stress run ({@code dev.oversell.stress.jcstress.StressRun}) runs
 * jcstress once per design a project registers, so a project's own designs get every scenario with no test code of
 * theirs. Each scenario lists the outcomes some sequential order of its calls explains; every other outcome is
 * {@code FORBIDDEN} to jcstress, and the gate ({@code dev.oversell.stress.jcstress.StressJudge}) says what it means
 * from the scenario's {@link dev.oversell.stress.scenarios.Accounts} (oversold, lost update, not linearizable) and
 * judges it by the design's claim: for "never oversells" any such outcome fails; "may oversell" must be shown an
 * oversell.
 *
 * <p>Result fields: units each buyer got (0 = out of stock, -1 = the call failed, -2 = refused as closed), then
 * the final stock. The scenarios of orders ({@link dev.oversell.stress.scenarios.OrdersState}, for designs that take
 * orders) give each order 1 if placed and 0 if refused ({@link dev.oversell.stress.scenarios.OrderOfOneEach}); a
 * fork whose calls deadlock is ended by its {@link dev.oversell.stress.scenarios.HangWatch} and judged hung.
 */
package dev.oversell.stress.scenarios;
