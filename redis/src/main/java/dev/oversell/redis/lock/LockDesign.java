package dev.oversell.redis.lock;

import dev.oversell.design.Claim;
import dev.oversell.design.Design;
import dev.oversell.model.Inventory;
import dev.oversell.redis.Keyspace;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Objects;

/**
 * A design whose database purchase is guarded by a distributed lock in Redis, declared once with its claim: how one
 * application instance of it is built (its own lock client over the run's keys, the shared database, the lease, the
 * point where the check may pause it), what it claims with several instances sharing the database and the lock, and
 * its mechanism in a line. Judged by {@link LockPauseCheck}: its holder paused past its lease between read and write.
 *
 * @param instance builds one application instance: {@code (keys, dataSource, table, lease, pause)}
 */
public record LockDesign(String name, Class<? extends Inventory> type, Instance instance, Claim claim,
                         String mechanism) {

    public LockDesign {
        Design.checkedName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(mechanism, "mechanism");
        if (claim != Claim.NEVER_OVERSELLS && claim != Claim.MAY_OVERSELL) {
            throw new IllegalArgumentException(name + ": a lock design claims NEVER_OVERSELLS or MAY_OVERSELL");
        }
    }

    /** How one application instance is built. */
    @FunctionalInterface
    public interface Instance {
        Inventory open(Keyspace keys, DataSource dataSource, String table, Duration lease, PausePoint pause);
    }
}
