package dev.oversell.redis;

/** This repository's Redis designs ({@code dev.oversell.catalogue.redis.RedisDesigns}) through the Redis suite. */
class BuiltInRedisTest extends RedisSuite {
}
