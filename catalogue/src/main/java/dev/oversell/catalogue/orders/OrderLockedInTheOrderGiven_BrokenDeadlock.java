package dev.oversell.catalogue.orders;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An order that locks its lines before it takes them, each with {@code SELECT ... FOR UPDATE} in the order the
 * buyer wrote them, then takes every line with an {@code UPDATE}: one transaction at READ COMMITTED, all or nothing.
 * Two orders of the same products written in opposite order lock them in opposite order, and wait for each other.
 *
 * <p><b>SQL</b> ({@code db/jdbc-order-locked-in-the-order-given/V1__stock.sql} creates {@code stock}; the
 * transaction's frame is {@link JdbcOrderInventory}'s)
 * <pre>
 *   SELECT stock FROM stock WHERE product = ? FOR UPDATE       -- each line, in the order's order
 *   UPDATE stock SET stock = stock - ? WHERE product = ?       -- each line, once every line was seen in stock
 *   COMMIT                                                     -- or ROLLBACK: a line short, the order refused
 * </pre>
 *
 * <p><b>Why it holds:</b> a line's row is locked from its read to the commit, so
 * a second order reads it only once the first has committed, and then reads what is left (a locking read sees the
 * latest committed row on all three engines).
 *
 * <p><b>Where it deadlocks:</b> T1 holds {@code a} and waits for {@code b}; T2 holds {@code b} and waits for
 * {@code a}. No order is oversold, but one is refused for no shortage: the engine breaks the cycle by aborting one
 * transaction (PostgreSQL after {@code deadlock_timeout}, a second, SQLSTATE 40P01; MariaDB at once, error 1213;
 * H2 at once, 40001 "Deadlock detected"), the code rolls back and passes the error on, and that order changes
 * nothing. In memory the same locking hangs for ever: nothing breaks the cycle. As the gate ran it on PostgreSQL
 * (one unit each of {@code a} and {@code b}; T1 orders a then b, T2 b then a):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'a' FOR UPDATE; -- 1 row: (1)
 *   -- T2
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'b' FOR UPDATE; -- 1 row: (1)
 *   -- T1
 *   SELECT stock FROM stock WHERE product = 'b' FOR UPDATE; -- blocked, waiting for a lock
 *   -- T2
 *   SELECT stock FROM stock WHERE product = 'a' FOR UPDATE; -- blocked, waiting for a lock
 *   -- T1
 *   -- the SELECT above returns: ERROR: deadlock detected (SQLSTATE 40P01)
 *   -- T2
 *   -- the SELECT above returns: 1 row: (1)
 *   -- T1
 *   ROLLBACK;
 *   -- T2
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'b'; -- 1 row affected
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'a'; -- 1 row affected
 *   COMMIT;
 *   -- T1's order failed: the engine refused it (deadlock); held: nothing of it was applied
 * </pre>
 * The gate judges such a refusal on the accounts (the refused order must have taken nothing) and counts the
 * executions in which the engine broke a deadlock. The fix is one global order of locks: {@link OrderLockedInProductOrder}.
 *
 * <p>It does not de-duplicate request ids: a resubmitted order buys again. A single purchase is an order of one
 * line; a restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jdbc-order-locked-in-the-order-given}): in one instance, never oversells on every engine.
 * With several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jdbc-order-locked-in-the-order-given}
 * <!-- /produced -->
 */
public final class OrderLockedInTheOrderGiven_BrokenDeadlock extends JdbcOrderInventory {

    /** The design's key: its migration is {@code db/jdbc-order-locked-in-the-order-given/}. */
    public static final String KEY = "jdbc-order-locked-in-the-order-given";

    public OrderLockedInTheOrderGiven_BrokenDeadlock(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    Long readStock(Connection connection, String product) throws SQLException {
        return readOne(connection, "SELECT stock FROM " + TABLE + " WHERE product = ? FOR UPDATE", product);
    }
}
