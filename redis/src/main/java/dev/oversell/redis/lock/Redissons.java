package dev.oversell.redis.lock;

import dev.oversell.redis.RedisSettings;
import io.lettuce.core.RedisURI;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A Redisson client of the Redis the run uses ({@code oversell.redis.url}): one per application instance, as each
 * instance of a design has its own.
 */
public final class Redissons {

    private Redissons() {
    }

    public static RedissonClient client() {
        RedisURI uri = RedisSettings.uri();
        Config config = new Config();
        config.setThreads(2).setNettyThreads(4);
        var server = config.useSingleServer().setAddress("redis://" + uri.getHost() + ":" + uri.getPort())
                .setDatabase(uri.getDatabase()).setConnectionMinimumIdleSize(1).setConnectionPoolSize(2)
                .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(2);
        String userInfo = java.net.URI.create(RedisSettings.url()).getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            server.setPassword(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        return Redisson.create(config);
    }
}
