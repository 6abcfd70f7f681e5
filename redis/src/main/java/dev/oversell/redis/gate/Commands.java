package dev.oversell.redis.gate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the gate knows of Redis's commands: which touch only the connection that sends them (passed on at once,
 * never a step), and which keys a step names and whether it only reads them ({@link CommandFootprint}). A command
 * not listed is a step that may touch anything: it is scheduled, and commutes with nothing.
 */
final class Commands {

    /** Commands that change only the sending connection's own state, or nothing: never a step. */
    private static final Set<String> CONNECTION_ONLY = Set.of("HELLO", "AUTH", "CLIENT", "SELECT", "PING", "ECHO",
            "COMMAND", "QUIT", "RESET", "READONLY", "READWRITE", "SCRIPT", "MULTI", "UNWATCH", "DISCARD");
    /** Read-only commands, every argument after the name a key. */
    private static final Set<String> READ_ALL_KEYS = Set.of("EXISTS", "MGET", "WATCH");
    /** Read-only commands of one key, the first argument. */
    private static final Set<String> READ_FIRST_KEY = Set.of("GET", "STRLEN", "GETRANGE", "SISMEMBER", "SMISMEMBER",
            "SMEMBERS", "SCARD", "HGET", "HMGET", "HGETALL", "HEXISTS", "HLEN", "HKEYS", "HVALS", "LRANGE", "LLEN",
            "LINDEX", "ZSCORE", "ZRANGE", "ZCARD", "TTL", "PTTL", "TYPE", "XLEN", "XRANGE");
    /** Writing commands, every argument after the name a key. */
    private static final Set<String> WRITE_ALL_KEYS = Set.of("DEL", "UNLINK");
    /** Writing commands of one key, the first argument. */
    private static final Set<String> WRITE_FIRST_KEY = Set.of("SET", "SETNX", "SETEX", "PSETEX", "GETSET", "GETDEL",
            "GETEX", "APPEND", "INCR", "DECR", "INCRBY", "DECRBY", "INCRBYFLOAT", "SADD", "SREM", "SPOP", "HSET",
            "HSETNX", "HMSET", "HDEL", "HINCRBY", "LPUSH", "RPUSH", "LPOP", "RPOP", "LREM", "LSET", "ZADD", "ZREM",
            "ZINCRBY", "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT", "PERSIST", "XADD");
    /** Scripts and functions: {@code NAME script numkeys key... arg...}. */
    private static final Set<String> SCRIPTS = Set.of("EVAL", "EVALSHA", "FCALL");
    private static final Set<String> READ_ONLY_SCRIPTS = Set.of("EVAL_RO", "EVALSHA_RO", "FCALL_RO");

    private Commands() {
    }

    /** Whether the command changes only its own connection (or nothing shared): passed on at once. */
    static boolean connectionOnly(String name) {
        return CONNECTION_ONLY.contains(name);
    }

    /** What the command may touch, from its words. */
    static CommandFootprint footprint(List<String> words) {
        String name = words.get(0).toUpperCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        if (READ_ALL_KEYS.contains(name)) {
            return new CommandFootprint(true, new HashSet<>(args));
        }
        if (READ_FIRST_KEY.contains(name) && !args.isEmpty()) {
            return new CommandFootprint(true, Set.of(args.get(0)));
        }
        if (WRITE_ALL_KEYS.contains(name)) {
            return new CommandFootprint(false, new HashSet<>(args));
        }
        if (WRITE_FIRST_KEY.contains(name) && !args.isEmpty()) {
            return new CommandFootprint(false, Set.of(args.get(0)));
        }
        if ((SCRIPTS.contains(name) || READ_ONLY_SCRIPTS.contains(name)) && args.size() >= 2) {
            int n = Integer.parseInt(args.get(1));
            return new CommandFootprint(READ_ONLY_SCRIPTS.contains(name), new HashSet<>(args.subList(2, 2 + n)));
        }
        return CommandFootprint.ANYTHING;
    }

    /** The union of several steps' footprints (a {@code MULTI} block's): read-only if all are. */
    static CommandFootprint union(List<CommandFootprint> parts) {
        Set<String> keys = new HashSet<>();
        boolean readOnly = true;
        for (CommandFootprint part : parts) {
            if (part.keys() == null) {
                return CommandFootprint.ANYTHING;
            }
            keys.addAll(part.keys());
            readOnly &= part.readOnly();
        }
        return new CommandFootprint(readOnly, keys);
    }
}
