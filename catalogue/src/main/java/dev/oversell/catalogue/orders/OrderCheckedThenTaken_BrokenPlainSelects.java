package dev.oversell.catalogue.orders;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An order of several lines as a checkout service often writes it: one transaction at READ COMMITTED, a plain
 * {@code SELECT} of every line's stock, then, if every line is in stock, an {@code UPDATE} of every line. All or
 * nothing (one transaction), but the check is not the take: nothing holds a line between its read and its UPDATE.
 *
 * <p><b>SQL</b> ({@code db/jdbc-order-checked-then-taken/V1__stock.sql} creates {@code stock}; the transaction's
 * frame is {@link JdbcOrderInventory}'s)
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?                  -- each line, in the order's order
 *   UPDATE stock SET stock = stock - ? WHERE product = ?       -- each line, once every line was seen in stock
 *   COMMIT                                                     -- or ROLLBACK: a line short, the order refused
 * </pre>
 *
 * <p><b>Why it breaks:</b> two orders both read the last unit of each line
 * before either takes it; both take it, both are placed. A plain read takes no lock at READ COMMITTED on H2,
 * PostgreSQL or MariaDB, and the UPDATE subtracts from whatever is there without checking again: the stock goes
 * to -1. The transaction is pinned at READ COMMITTED, as a {@code @Transactional(isolation = READ_COMMITTED)}
 * service has it: at MariaDB's REPEATABLE READ with {@code innodb_snapshot_isolation} ON, the second UPDATE of a
 * row changed since its snapshot would be refused instead ({@code db-read-write-repeatable-read} shows it).
 *
 * <p><b>Where it breaks</b> (one unit each of {@code a} and {@code b}; T1 orders a then b, T2 b then a; the shortest
 * oversold execution the gate ran, the same on H2, PostgreSQL and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'a'; -- 1 row: (1)
 *   SELECT stock FROM stock WHERE product = 'b'; -- 1 row: (1)
 *   -- T2
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'b'; -- 1 row: (1)
 *   SELECT stock FROM stock WHERE product = 'a'; -- 1 row: (1)
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'b'; -- 1 row affected
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'a'; -- 1 row affected
 *   COMMIT;
 *   -- T1
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'a'; -- 1 row affected
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'b'; -- 1 row affected
 *   COMMIT;
 *   -- oversold: of 'a', 2 units sold, 1 existed; stock now -1; of 'b', 2 units sold, 1 existed; stock now -1
 * </pre>
 * Where the two orders' UPDATEs cross instead (T1 takes {@code a}, T2 takes {@code b}, each then waits for the
 * other's row), the engine breaks the deadlock by refusing one order, which changes nothing; the other is placed.
 * A single purchase (an order of one line) oversells the same way: two buyers of the last unit both read 1.
 * The fix is to lock what is read ({@link OrderLockedInProductOrder}) or to let the UPDATE check
 * ({@code ... WHERE product = ? AND stock >= ?}, judged by its update count).
 *
 * <p>It does not de-duplicate request ids: a resubmitted order buys again. A single purchase is an order of one
 * line; a restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jdbc-order-checked-then-taken}): in one instance, may oversell on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jdbc-order-checked-then-taken}
 * <!-- /produced -->
 */
public final class OrderCheckedThenTaken_BrokenPlainSelects extends JdbcOrderInventory {

    /** The design's key: its migration is {@code db/jdbc-order-checked-then-taken/}. */
    public static final String KEY = "jdbc-order-checked-then-taken";

    public OrderCheckedThenTaken_BrokenPlainSelects(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    Long readStock(Connection connection, String product) throws SQLException {
        return readOne(connection, "SELECT stock FROM " + TABLE + " WHERE product = ?", product);
    }
}
