package dev.oversell.catalogue.redis;

import dev.oversell.design.Claim;
import dev.oversell.judge.Relaxation;
import dev.oversell.catalogue.redis.lock.LockDesigns;
import dev.oversell.catalogue.redis.queue.QueueDesigns;
import dev.oversell.redis.RedisDesign;
import dev.oversell.redis.RedisDesignProvider;
import dev.oversell.redis.lock.LockDesign;
import dev.oversell.redis.queue.QueueDesign;

import java.util.List;

/**
 * The Redis designs, each declared once with its claim: the one list the Redis checks judge. A design's claim
 * is for several application servers sharing one Redis (each buyer of a check is an instance of its own, on a
 * connection of its own). Registered for this repository's own tests
 * ({@code src/test/resources/META-INF/services/dev.oversell.redis.RedisDesignProvider}), as the catalogue is.
 */
public final class RedisDesigns implements RedisDesignProvider {

    @Override
    public List<RedisDesign> designs() {
        return all();
    }

    @Override
    public List<LockDesign> lockDesigns() {
        return LockDesigns.all();
    }

    @Override
    public List<QueueDesign> queueDesigns() {
        return QueueDesigns.all();
    }

    public static List<RedisDesign> all() {
        return List.of(
                RedisDesign.named("redis-get-then-decrby")
                        .of(GetThenDecrBy_BrokenCheckThenAct.class, GetThenDecrBy_BrokenCheckThenAct::new)
                        .claims(Claim.MAY_OVERSELL)
                        .mechanism("GET, then DECRBY if enough: check-then-act over two round trips")
                        .doesNotDeduplicateRequestIds()
                        .build(),
                RedisDesign.named("redis-decrby-then-compensate")
                        .of(DecrByThenCompensate.class, DecrByThenCompensate::new)
                        .claims(Claim.NEVER_OVERSELLS)
                        .mechanism("DECRBY, then INCRBY back if it went below zero: decided on its own atomic step")
                        .accepts(Relaxation.REFUSES_WHILE_UNITS_ARE_OUT)
                        .doesNotDeduplicateRequestIds()
                        .build(),
                RedisDesign.named("redis-lua-check-and-decrement")
                        .of(LuaCheckAndDecrement.class, LuaCheckAndDecrement::new)
                        .claims(Claim.NEVER_OVERSELLS)
                        .mechanism("one Lua script (EVALSHA) checks, decrements and records the answer")
                        .build(),
                RedisDesign.named("redis-template-lua-check-and-decrement")
                        .of(TemplateLuaCheckAndDecrement.class, TemplateLuaCheckAndDecrement::new)
                        .claims(Claim.NEVER_OVERSELLS)
                        .mechanism("the same Lua script through Spring Data Redis's StringRedisTemplate.execute")
                        .build(),
                RedisDesign.named("redis-watch-multi-exec")
                        .of(WatchMultiExec.class, WatchMultiExec::new)
                        .claims(Claim.NEVER_OVERSELLS)
                        .mechanism("WATCH, GET, MULTI/DECRBY/EXEC; EXEC refused when the stock changed: retry")
                        .doesNotDeduplicateRequestIds()
                        .build());
    }
}
