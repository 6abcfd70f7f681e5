/**
 * Every interleaving of unmodified JDBC purchase code, statement by statement, on a real engine.
 *
 * <p>A {@link dev.oversell.properties.database.jdbc.SchedulingDataSource} wraps the engine's data source: the
 * statements, commits and rollbacks of a purchase call that the
 * {@link dev.oversell.properties.database.jdbc.StatementGate} runs wait their turn, and the gate learns when each
 * returned or blocked (the engine says so; never a sleep). The
 * {@link dev.oversell.properties.database.jdbc.StatementScheduleRunner} runs each call alone to discover its
 * statements, then every interleaving of two calls, and judges each by the accounts; each schedule keeps a
 * Hermitage-style script. The code under test is a
 * {@link dev.oversell.properties.database.jdbc.JdbcPurchase} over a {@code DataSource} with its own
 * {@link dev.oversell.properties.database.jdbc.JdbcSchema}: no steps.
 *
 * <p>This is the first step of one gate for every database design; the step gate of
 * {@code dev.oversell.properties.database} ({@code ScheduleRunner} over {@code PurchaseScript} steps) still runs
 * the catalogue's designs.
 */
package dev.oversell.properties.database.jdbc;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.JdbcPurchase;
