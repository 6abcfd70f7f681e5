package dev.oversell.catalogue.redis.lock;

import dev.oversell.design.Claim;
import dev.oversell.redis.RedisServer;
import dev.oversell.redis.lock.LockDesign;
import dev.oversell.redis.lock.Redissons;

import java.util.List;

/**
 * The lock designs, each declared once with its claim for several application instances sharing one database and
 * one Redis: the one list the lock check judges.
 */
public final class LockDesigns {

    private LockDesigns() {
    }

    public static List<LockDesign> all() {
        return List.of(
                new LockDesign("redis-lock-redisson-lease", LockedReadModifyWrite.class,
                        (keys, dataSource, table, lease, pause) -> new LockedReadModifyWrite(
                                new RedissonLeaseLock(Redissons.client(), keys), false, dataSource, table, lease, pause),
                        Claim.MAY_OVERSELL,
                        "Redisson RLock with a lease around SELECT then UPDATE: a paused holder's lease runs out"),
                new LockDesign("redis-lock-set-nx-px", LockedReadModifyWrite.class,
                        (keys, dataSource, table, lease, pause) -> new LockedReadModifyWrite(
                                new SetNxPxLock(RedisServer.client(dev.oversell.redis.RedisSettings.uri()), keys), false,
                                dataSource, table, lease, pause),
                        Claim.MAY_OVERSELL,
                        "SET key token NX PX around SELECT then UPDATE, released with DEL: no fence"),
                new LockDesign("redis-lock-redisson-fenced", LockedReadModifyWrite.class,
                        (keys, dataSource, table, lease, pause) -> new LockedReadModifyWrite(
                                new RedissonFencedLock(Redissons.client(), keys), true, dataSource, table, lease, pause),
                        Claim.NEVER_OVERSELLS,
                        "Redisson RFencedLock with a lease; the UPDATE refuses a token older than the last written"));
    }
}
