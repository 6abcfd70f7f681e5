package dev.oversell.catalogue.redis.lock;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.lock.DistributedLock;
import dev.oversell.redis.lock.PausePoint;
import dev.oversell.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The seed's database read-modify-write (autocommit {@code SELECT stock}, then {@code UPDATE ... SET stock = ?}),
 * guarded by a distributed lock per product taken with a lease, as several application instances share one database
 * and one Redis. What it guarantees depends on the lock and on the write:
 * <ul>
 *   <li><b>Unfenced</b> ({@link RedissonLeaseLock}, {@link SetNxPxLock}): may oversell. The lock is one writer only
 *       while its holder runs within its lease: a holder paused between its read and its write (a GC pause, a frozen
 *       VM) past the lease loses the lock to the next buyer, who reads, sells and writes; then the paused holder runs
 *       again and writes the stock it read before the pause. Both buyers were sold the last unit.</li>
 *   <li><b>Fenced</b> ({@link RedissonFencedLock}): never oversells. The write carries the hold's token,
 *       {@code UPDATE ... SET stock = ?, fence = ? WHERE product = ? AND fence < ?}: once a later holder has written,
 *       the paused holder's write matches no row, and it starts its purchase again from the lock (and finds the stock
 *       sold).</li>
 * </ul>
 * Restocks are one atomic {@code UPDATE ... SET stock = stock + ?}, outside the lock. It does not de-duplicate request
 * ids. The table is {@code (product, stock, fence)}.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-lock-redisson-lease}): may oversell with several instances sharing one database and
 * one lock in Redis, a holder paused past its lease.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-lock-redisson-lease}
 * <p><b>Claims</b> ({@code redis-lock-set-nx-px}): may oversell with several instances sharing one database and one
 * lock in Redis, a holder paused past its lease.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-lock-set-nx-px}
 * <p><b>Claims</b> ({@code redis-lock-redisson-fenced}): never oversells with several instances sharing one database
 * and one lock in Redis, a holder paused past its lease.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-lock-redisson-fenced}
 * <!-- /produced -->
 */
public final class LockedReadModifyWrite implements Inventory {

    /** The longest a purchase waits for the lock. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** How often a fenced purchase starts again after its write was refused, before it gives up with an error. */
    private static final int ATTEMPTS = 3;

    private final DistributedLock lock;
    private final boolean fenced;
    private final DataSource dataSource;
    private final String table;
    private final Duration lease;
    private final PausePoint pause;

    public LockedReadModifyWrite(DistributedLock lock, boolean fenced, DataSource dataSource, String table,
                                 Duration lease, PausePoint pause) {
        this.lock = lock;
        this.fenced = fenced;
        this.dataSource = dataSource;
        this.table = table;
        this.lease = lease;
        this.pause = pause;
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (DistributedLock.Held held = lock.acquire(request.product(), lease, WAIT);
                 Connection c = dataSource.getConnection()) {
                long seen = read(c, request.product());
                pause.between(request.requestId());
                if (seen < request.quantity()) {
                    return PurchaseResult.outOfStock(request, seen);
                }
                if (write(c, request.product(), seen - request.quantity(), held.token())) {
                    return PurchaseResult.purchased(request);
                }
                // fenced out: a later holder of the lock has written since this hold's read; start again
            } catch (SQLException e) {
                throw new StoreException("purchase " + request.requestId() + " failed: " + e.getMessage(), e);
            }
        }
        throw new StoreException("purchase " + request.requestId() + " was fenced out " + ATTEMPTS + " times", null);
    }

    private long read(Connection c, String product) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT stock FROM " + table + " WHERE product = ?")) {
            s.setString(1, product);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownProductException(product);
                }
                return rs.getLong(1);
            }
        }
    }

    private boolean write(Connection c, String product, long stock, long token) throws SQLException {
        String sql = fenced ? "UPDATE " + table + " SET stock = ?, fence = ? WHERE product = ? AND fence < ?"
                : "UPDATE " + table + " SET stock = ? WHERE product = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, stock);
            if (fenced) {
                s.setLong(2, token);
                s.setString(3, product);
                s.setLong(4, token);
            } else {
                s.setString(2, product);
            }
            return s.executeUpdate() == 1;
        }
    }

    @Override
    public long stock(String product) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, product);
        } catch (SQLException e) {
            throw new StoreException("stock of " + product + " unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void restock(String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("a restock adds at least 1 unit, got " + units);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET stock = stock + ? WHERE product = ?")) {
            s.setLong(1, units);
            s.setString(2, product);
            if (s.executeUpdate() != 1) {
                throw new UnknownProductException(product);
            }
        } catch (SQLException e) {
            throw new StoreException("restock of " + product + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
