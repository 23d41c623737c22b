package dev.jig.service.redis;

import dev.jig.system.SystemOutput;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Timeline;
import dev.jig.service.Backend;
import dev.jig.service.ServiceLauncher;
import dev.jig.system.RunningSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import org.apiguardian.api.API;

/**
 * A running Redis server, started by {@link RedisSpec#start()}: no persistence, on 127.0.0.1. A test gets a
 * logical database of its own, flushed when handed out ({@link #newDatabase()}); closing the server stops it.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.spec("cache").start()) {
 *     redis.command("SET", "k", "v");
 *     redis.flushAll();
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class RedisServer implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final int DIAGNOSTIC_LINES = 20;

    private final String name;
    private final RunningSystem running;
    private final int port;
    private final int databases;
    private final BitSet leased = new BitSet();
    private final Object lock = new Object();
    private RespConnection connection;
    private int selected = -1;
    private boolean stopped;

    private RedisServer(String name, RunningSystem running, int port, int databases) {
        this.name = name;
        this.running = running;
        this.port = port;
        this.databases = databases;
    }

    /** A server named {@code name} to configure and start. */
    public static RedisSpec spec(String name) {
        return new RedisSpec(name);
    }

    static RedisServer start(RedisSpec spec, Timeline timeline) {
        int port = spec.fixedPort() > 0 ? spec.fixedPort() : ServiceLauncher.freePort(spec.name());
        RunningSystem running = ServiceLauncher.start(spec.plan(port), spec.backendValue(), timeline);
        return new RedisServer(spec.name(), running, port, spec.databaseCount());
    }

    /**
     * The lowest logical database no one holds, flushed: so tests one after another all get database 0, and tests
     * running at once each get their own.
     *
     * @throws IllegalStateException when all are held (raise {@link RedisSpec#databases(int)})
     */
    public RedisDatabase newDatabase() {
        int index;
        synchronized (lock) {
            index = leased.nextClearBit(0);
            if (index >= databases) {
                throw new IllegalStateException("Redis '" + name + "': all " + databases + " logical databases are "
                        + "held by tests running now. Declare more with databases(n), or close the ones you hold.");
            }
            leased.set(index);
        }
        try {
            commandOn(index, "FLUSHDB");
        } catch (RuntimeException e) {
            release(index);
            throw e;
        }
        return new RedisDatabase(this, index);
    }

    void release(int index) {
        synchronized (lock) {
            leased.clear(index);
        }
    }

    /** Runs one command on database 0; see {@link RedisDatabase#command}. */
    public Object command(String... command) {
        return commandOn(0, command);
    }

    /** Empties every database ({@code FLUSHALL}). */
    public void flushAll() {
        command("FLUSHALL");
    }

    Object commandOn(int index, String... command) {
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("Redis '" + name + "' has been stopped; cannot run "
                        + String.join(" ", command) + ".");
            }
            try {
                if (connection == null) {
                    connection = RespConnection.open(host(), port, COMMAND_TIMEOUT);
                    selected = 0;
                }
                if (selected != index) {
                    connection.call("SELECT", String.valueOf(index));
                    selected = index;
                }
                return connection.call(command);
            } catch (IOException e) {
                closeConnection();
                throw new IllegalStateException("Redis '" + name + "' did not answer " + String.join(" ", command)
                        + ": " + e + " (" + ServiceLauncher.describe(running) + ")" + lastLines(), e);
            }
        }
    }

    /** The name the user gave, e.g. {@code "cache"}. */
    public String name() {
        return name;
    }

    /** Always {@code "127.0.0.1"}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code "127.0.0.1:<port>"}. */
    public String address() {
        return host() + ":" + port;
    }

    /** {@code redis://127.0.0.1:<port>} (database 0). */
    public String uri() {
        return "redis://" + address();
    }

    /** How many logical databases it has. */
    public int databases() {
        return databases;
    }

    /** Whether it runs as a local process or in a container. */
    public Backend backend() {
        return ServiceLauncher.backendOf(running);
    }

    /** The process (or the container's main process) id. */
    public long pid() {
        return running.pid();
    }

    /** What the server printed so far. */
    public SystemOutput output() {
        return running.output();
    }

    /** Whether the server still runs. */
    public boolean isAlive() {
        return running.isAlive();
    }

    /** Its record for {@code results.json}. */
    public ProcessRecord toRecord() {
        return running.toRecord();
    }

    /** What a failing test's message shows: state and the last lines of output. */
    public String describe() {
        String tail = output().tailText(DIAGNOSTIC_LINES);
        return name + " (Redis at " + address() + ", " + ServiceLauncher.describe(running) + "), last " + DIAGNOSTIC_LINES
                + " lines of output:\n" + (tail.isEmpty() ? "  (no output)" : tail.indent(2).stripTrailing());
    }

    /** Stops the server. Idempotent. */
    public void stop() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            closeConnection();
        }
        running.stop();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "RedisServer[" + name + " at " + address() + ", " + ServiceLauncher.describe(running) + "]";
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // going away
            }
            connection = null;
            selected = -1;
        }
    }

    private String lastLines() {
        String tail = output().tailText(DIAGNOSTIC_LINES);
        return tail.isEmpty() ? "" : "\nLast lines of its output:\n" + tail.indent(2).stripTrailing();
    }
}
