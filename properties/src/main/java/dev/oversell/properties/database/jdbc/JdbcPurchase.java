package dev.oversell.properties.database.jdbc;

import javax.sql.DataSource;

/**
 * A purchase as a team writes it: plain code over a {@link DataSource} (a DAO method, a service call), which
 * takes its connections from {@code dataSource}, runs its statements, commits or rolls back, and says how many
 * units it sold. Nothing in it knows it is being scheduled: the {@link StatementScheduleRunner} hands it a
 * {@link SchedulingDataSource}, in which every statement waits its turn.
 */
@FunctionalInterface
public interface JdbcPurchase {

    /**
     * Buys {@code quantity} units of {@code product} for request {@code requestId}.
     *
     * @return the units sold: {@code quantity}, or 0 for "out of stock"
     * @throws Exception whatever the code throws; the runner reports it as an error, never as "held"
     */
    int buy(DataSource dataSource, String requestId, String product, int quantity) throws Exception;
}
