package dev.oversell.catalogue.orders;

import dev.oversell.model.Order;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * The ordered twin of {@link OrderLockedInTheOrderGiven_BrokenDeadlock}: an order locks its lines with
 * {@code SELECT ... FOR UPDATE} in product order, whatever order the buyer wrote them in, then takes every line with
 * an {@code UPDATE}; one transaction at READ COMMITTED, all or nothing. A refusal still names the first short line
 * in the order's own order.
 *
 * <p><b>SQL</b> ({@code db/jdbc-order-locked-in-product-order/V1__stock.sql} creates {@code stock}; the transaction's
 * frame is {@link JdbcOrderInventory}'s)
 * <pre>
 *   SELECT stock FROM stock WHERE product = ? FOR UPDATE       -- each line, in product order
 *   UPDATE stock SET stock = stock - ? WHERE product = ?       -- each line, once every line was seen in stock
 *   COMMIT                                                     -- or ROLLBACK: a line short, the order refused
 * </pre>
 *
 * <p><b>Why:</b> a line is locked from its read to the commit, as in its twin; and two of its orders never deadlock:
 * every order takes its locks in one global order, so whichever holds the lowest product both want goes first and the
 * other waits for it, never the other way round.
 *
 * <p><b>Where a second order is refused</b> (one unit each of {@code a} and {@code b}; T1 orders a then b, T2 b then
 * a, and locks a first all the same; as the gate ran it on PostgreSQL, the same on H2 and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'a' FOR UPDATE; -- 1 row: (1)
 *   SELECT stock FROM stock WHERE product = 'b' FOR UPDATE; -- 1 row: (1)
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'a'; -- 1 row affected
 *   -- T2
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'a' FOR UPDATE; -- blocked, waiting for a lock
 *   -- T1
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'b'; -- 1 row affected
 *   COMMIT;
 *   -- T2
 *   -- the SELECT above returns: 1 row: (0)
 *   SELECT stock FROM stock WHERE product = 'b' FOR UPDATE; -- 1 row: (0)
 *   ROLLBACK;
 * </pre>
 * T2 answers "refused, 'b' short" (its first line). A design that also locks rows some other way (a single
 * purchase of another service, a trigger) must keep to the same order, or the cycle comes back.
 *
 * <p>It does not de-duplicate request ids: a resubmitted order buys again. A single purchase is an order of one
 * line; a restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jdbc-order-locked-in-product-order}): in one instance, never oversells on every engine. With
 * several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jdbc-order-locked-in-product-order}
 * <!-- /produced -->
 */
public final class OrderLockedInProductOrder extends JdbcOrderInventory {

    /** The design's key: its migration is {@code db/jdbc-order-locked-in-product-order/}. */
    public static final String KEY = "jdbc-order-locked-in-product-order";

    public OrderLockedInProductOrder(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    Long readStock(Connection connection, String product) throws SQLException {
        return readOne(connection, "SELECT stock FROM " + TABLE + " WHERE product = ? FOR UPDATE", product);
    }

    /** Every order locks its lines in one global order, the products' names: no two orders wait for each other. */
    @Override
    List<Order.Line> readingOrder(Order order) {
        return order.lines().stream().sorted(Comparator.comparing(Order.Line::product)).toList();
    }
}
