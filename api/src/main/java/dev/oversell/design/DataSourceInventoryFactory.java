package dev.oversell.design;

import dev.oversell.model.Inventory;

import javax.sql.DataSource;

/**
 * Builds one instance (one app server) of a database design over a {@link DataSource}: a Spring context, a JPA
 * {@code EntityManagerFactory} or a DAO, built the way the team builds it, over exactly the data source given.
 * The checkers give it their own: a scheduling one (every statement waits its turn), or one pool per app
 * instance. The design must take every connection from that data source and keep none between calls on a
 * thread of its own (a pool of its own would defeat the scheduling). Closing the instance releases what it built.
 */
@FunctionalInterface
public interface DataSourceInventoryFactory {

    Inventory over(DataSource dataSource);
}
