/**
 * Redis as a part of a bench: {@code redis-server} from the local binaries (or a container), no persistence, ready
 * when it answers PING, and a flushed logical database per test.
 *
 * <p>Entry types: {@link dev.jig.service.redis.RedisSpec} (what to start, from {@code RedisServer.spec(name)}),
 * {@link dev.jig.service.redis.RedisServer} (the running server) and {@link dev.jig.service.redis.RedisDatabase}
 * (one test's database).
 */
package dev.jig.service.redis;
