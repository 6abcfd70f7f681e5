package dev.oversell.catalogue.dao;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.AtomicRestock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A plain JDBC DAO whose methods each take their own connection from the pool: {@code readStock} reads on one,
 * {@code writeStock} writes in a transaction on another, and the service calls one after the other. Each method
 * is correct on its own; the purchase is not, because the read is not in the write's transaction.
 *
 * <p><b>SQL</b> ({@code db/dao-two-connections/V1__stock.sql} creates {@code stock})
 * <pre>
 *   connection 1, autocommit:  SELECT stock FROM stock WHERE product = ?
 *   connection 2:              UPDATE stock SET stock = ? WHERE product = ?      -- the stock read minus quantity
 *                              COMMIT
 * </pre>
 *
 * <p><b>Why it breaks:</b> no isolation level and no {@code FOR UPDATE} on the read
 * could help: whatever the read's connection locks or sees ends with its own statement, before the write's
 * transaction starts on the other connection. Two buyers both read 1 and both write 0.
 *
 * <p><b>Where it breaks</b> (one unit of {@code sku-1}; the first oversold schedule the gate ran, the same on H2,
 * PostgreSQL and MariaDB):
 * <pre>
 *   -- T1
 *   SELECT stock FROM stock WHERE product = 'sku-1'; -- 1 row: (1)
 *   BEGIN;
 *   UPDATE stock SET stock = 0 WHERE product = 'sku-1'; -- 1 row affected
 *   -- T2
 *   SELECT stock FROM stock WHERE product = 'sku-1'; -- 1 row: (1)
 *   -- T1
 *   COMMIT;
 *   -- T2
 *   BEGIN;
 *   UPDATE stock SET stock = 0 WHERE product = 'sku-1'; -- 1 row affected
 *   COMMIT;
 *   -- oversold: 2 units sold, 1 existed; stock now 0
 * </pre>
 * Each buyer's SELECT ran on one connection in autocommit, its BEGIN ... COMMIT on another.
 * The fix is one connection for the whole purchase (and then a guarded UPDATE, a locking read or a version):
 * in Spring, a {@code @Transactional} service whose DAO takes its connection from the transaction
 * ({@code JdbcTemplate}, {@code DataSourceUtils.getConnection}) rather than from {@code dataSource.getConnection()}.
 *
 * <p>It does not de-duplicate request ids: a resubmitted request buys again. A restock is the shared atomic statement ({@link AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code dao-two-connections}): in one instance, may oversell on every engine. With several instances
 * sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=dao-two-connections}
 * <!-- /produced -->
 */
public final class DaoTwoConnections_BrokenReadOnAnotherConnection implements Inventory {

    /** The design's key: its migration is {@code db/dao-two-connections/}. */
    public static final String KEY = "dao-two-connections";

    private final StockDao dao;
    private volatile boolean closed;

    public DaoTwoConnections_BrokenReadOnAnotherConnection(DataSource dataSource) {
        this.dao = new StockDao(dataSource);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        requireOpen();
        long stock = stock(request.product());
        if (stock < request.quantity()) {
            return PurchaseResult.outOfStock(request, stock);
        }
        dao.writeStock(request.product(), stock - request.quantity());
        return PurchaseResult.purchased(request);
    }

    @Override
    public long stock(String product) {
        requireOpen();
        return dao.readStock(product);
    }

    @Override
    public void restock(String product, long units) {
        requireOpen();
        AtomicRestock.restock(dao.dataSource, "stock", false, product, units);
    }

    @Override
    public void close() {
        closed = true; // the data source is the caller's
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
    }

    /** The DAO: one connection per method, as many hand-written DAOs have it. */
    static final class StockDao {

        private final DataSource dataSource;

        StockDao(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        long readStock(String product) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement read = c.prepareStatement("SELECT stock FROM stock WHERE product = ?")) {
                read.setString(1, product);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new UnknownProductException(product);
                    }
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the stock of " + product, e);
            }
        }

        void writeStock(String product, long stock) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement write = c.prepareStatement("UPDATE stock SET stock = ? WHERE product = ?")) {
                    write.setLong(1, stock);
                    write.setString(2, product);
                    write.executeUpdate();
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not write the stock of " + product, e);
            }
        }
    }
}
