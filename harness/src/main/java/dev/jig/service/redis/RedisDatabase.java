package dev.jig.service.redis;

import org.apiguardian.api.API;

/**
 * One logical database of a {@link RedisServer}, flushed when it was handed out: typically one per test, so tests
 * that run at once never see each other's keys. Closing it hands it back.
 *
 * <pre>{@code
 * try (RedisDatabase db = redis.newDatabase()) {
 *     startService("--redis", db.uri());           // redis://127.0.0.1:<port>/<index>
 *     db.command("SET", "greeting", "hello");
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class RedisDatabase implements AutoCloseable {

    private final RedisServer server;
    private final int index;
    private boolean released;

    RedisDatabase(RedisServer server, int index) {
        this.server = server;
        this.index = index;
    }

    /** Its index, from 0, as in {@code SELECT index}. */
    public int index() {
        return index;
    }

    /** {@code redis://127.0.0.1:<port>/<index>}, the form Jedis, Lettuce and redis-py read. */
    public String uri() {
        return server.uri() + "/" + index;
    }

    /** The server it lives on. */
    public RedisServer server() {
        return server;
    }

    /**
     * Runs one command on this database and returns the reply: a {@code String}, {@code Long}, {@code List} or
     * {@code null}.
     *
     * @throws RedisException on an error reply
     */
    public Object command(String... command) {
        return server.commandOn(index, command);
    }

    /** Empties it now ({@code FLUSHDB}). */
    public void flush() {
        command("FLUSHDB");
    }

    /** Hands it back to the server, for the next test. Idempotent. */
    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            server.release(index);
        }
    }

    @Override
    public String toString() {
        return "RedisDatabase[" + index + " on " + server.name() + "]";
    }
}
