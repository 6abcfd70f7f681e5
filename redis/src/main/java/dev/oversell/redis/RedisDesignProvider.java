package dev.oversell.redis;

import dev.oversell.redis.lock.LockDesign;
import dev.oversell.redis.queue.QueueDesign;

import java.util.List;

/**
 * Where a project declares its Redis designs, as it declares its other designs with a
 * {@link dev.oversell.design.DesignProvider}: registered in
 * {@code META-INF/services/dev.oversell.redis.RedisDesignProvider} (usually under {@code src/test/resources}), read
 * by {@link RedisSuite}.
 */
public interface RedisDesignProvider {

    List<RedisDesign> designs();

    /** Database designs guarded by a lock in Redis ({@link LockDesign}); none unless the project has some. */
    default List<LockDesign> lockDesigns() {
        return List.of();
    }

    /** Designs that hand their orders to a queue ({@link QueueDesign}); none unless the project has some. */
    default List<QueueDesign> queueDesigns() {
        return List.of();
    }
}
