package dev.oversell.redis;

import dev.oversell.run.RunFolder;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys of one Redis store of a design: every key under {@code oversell:{<run id>:<pid>:<n>}:} (the run, the
 * test JVM, the store), so that runs, checks and other people's keys on the same server never meet, and
 * {@link #deleteAll} leaves nothing behind.
 *
 * <ul>
 *   <li>{@code …stock:<product>}: the units in stock, a string holding an integer ({@code DECRBY} works on it);</li>
 *   <li>{@code …products}: the set of products the store sells (a purchase of anything else is an error);</li>
 *   <li>{@code …answers}: the hash of request id to first answer, for a design that de-duplicates request ids.</li>
 * </ul>
 *
 * Every key of a store lives in the hash slot of its braces: a Lua script or a
 * {@code MULTI} over them would run on a Redis Cluster too.
 *
 * @param prefix every key's beginning, ending in {@code :}
 */
public record Keyspace(String prefix) {

    private static final AtomicLong NEXT = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    /** A keyspace no other store uses: not this JVM's, not another run's or JVM's. */
    public static Keyspace fresh() {
        return new Keyspace("oversell:{" + RunFolder.id() + ":" + PID + ":" + NEXT.incrementAndGet() + "}:");
    }

    /** The pattern every key of every store this JVM made matches, for a check that none was left behind. */
    public static String ofThisJvm() {
        return "oversell:{" + RunFolder.id() + ":" + PID + ":*";
    }

    public String stock(String product) {
        return prefix + "stock:" + product;
    }

    /** The key of a distributed lock of {@code product}. */
    public String lock(String product) {
        return prefix + "lock:" + product;
    }

    public String products() {
        return prefix + "products";
    }

    public String answers() {
        return prefix + "answers";
    }

    /** Writes {@code initialStock}: each product's units and the set of products. */
    public void seed(RedisCommands<String, String> redis, Map<String, Long> initialStock) {
        initialStock.forEach((product, units) -> {
            if (product == null || units == null || units < 0) {
                throw new IllegalArgumentException("initial stock needs a product and units >= 0, got "
                        + product + "=" + units);
            }
            redis.set(stock(product), Long.toString(units));
            redis.sadd(products(), product);
        });
    }

    /** Deletes every key of this keyspace; returns how many there were. */
    public long deleteAll(RedisCommands<String, String> redis) {
        return deleteMatching(redis, prefix.replace("*", "\\*").replace("?", "\\?").replace("[", "\\[") + "*");
    }

    /** Deletes every key matching {@code pattern} ({@code SCAN}, then {@code UNLINK}); returns how many. */
    public static long deleteMatching(RedisCommands<String, String> redis, String pattern) {
        List<String> keys = keysMatching(redis, pattern);
        return keys.isEmpty() ? 0 : redis.unlink(keys.toArray(String[]::new));
    }

    /** Every key matching {@code pattern}, by {@code SCAN} (never {@code KEYS}: the server may be shared). */
    public static List<String> keysMatching(RedisCommands<String, String> redis, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }
}
