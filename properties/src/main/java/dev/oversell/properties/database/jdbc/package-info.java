/**
 * The one interleaving gate of Oversell: every distinct interleaving of a database design's own calls,
 * statement by statement, on a real engine.
 *
 * <p>A {@link dev.oversell.properties.database.jdbc.SchedulingDataSource} wraps the engine's data source: the
 * statements, commits and rollbacks of a call that the {@link dev.oversell.properties.database.jdbc.StatementGate}
 * runs wait their turn, and the gate learns when each returned or blocked (the engine says so; never a sleep).
 * The {@link dev.oversell.properties.database.jdbc.StatementScheduleRunner} runs each call of a
 * {@link dev.oversell.properties.database.jdbc.StatementPlan} alone to discover its statements, then every distinct
 * execution, found as it runs ({@link dev.oversell.properties.database.jdbc.Exploration} over a
 * {@link dev.oversell.properties.schedule.ScheduleTree}: at each step the gate offers the transactions not
 * waiting for a lock), or distinct executions drawn at random from a printed seed
 * ({@link dev.oversell.properties.database.jdbc.Sample}), through the same gate; which executions are the same is
 * one rule ({@link dev.oversell.properties.database.jdbc.Footprint}). Each execution is judged by the accounts and
 * keeps a Hermitage-style script. The code under test is whatever the design is: a
 * Spring service, a JPA repository, a DAO over a {@code DataSource} with its own
 * {@link dev.oversell.design.JdbcSchema}, or a {@code PurchaseScript} over Oversell's tables, built once over the
 * scheduling data source ({@link dev.oversell.properties.database.jdbc.ScheduledDesign}): no steps to write.
 */
package dev.oversell.properties.database.jdbc;
