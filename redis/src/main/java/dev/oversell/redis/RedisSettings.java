package dev.oversell.redis;

import dev.oversell.store.DatabaseSettings;
import io.lettuce.core.RedisURI;

/**
 * Where the Redis the designs are judged on is, read as the engines' settings are ({@link DatabaseSettings#setting}):
 * {@code -Doversell.redis.url=redis://host:port/db}, else {@code OVERSELL_REDIS_URL}, else the local server every
 * development and CI machine runs, {@code redis://127.0.0.1:6379} (started by {@code .ci/start-databases}, without
 * persistence). Every key a check makes is under a prefix of its own ({@link Keyspace}) and deleted when it ends,
 * so a logical database shared with others is safe; {@code redis://127.0.0.1:6379/7} keeps a run apart further.
 */
public final class RedisSettings {

    /** The setting's name, as a {@code -D} property. */
    public static final String URL = "oversell.redis.url";
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    private RedisSettings() {
    }

    /** The URL the run asks for. */
    public static String url() {
        return DatabaseSettings.setting(URL, DEFAULT_URL);
    }

    /** The URL the run asks for, as Lettuce reads it. */
    public static RedisURI uri() {
        return RedisURI.create(url());
    }
}
