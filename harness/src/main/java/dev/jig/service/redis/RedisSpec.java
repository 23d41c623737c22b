package dev.jig.service.redis;

import dev.jig.system.SystemSpec;
import dev.jig.system.Ready;
import dev.jig.record.Timeline;
import dev.jig.service.Backend;
import dev.jig.service.LocalBinaries;
import dev.jig.service.ServiceAvailability;
import dev.jig.service.ServiceLauncher;
import dev.jig.support.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Redis server to start: where {@code redis-server} is, how many logical databases it has, where it runs. It
 * runs without persistence (no RDB snapshots, no AOF) on a free port of 127.0.0.1, and counts as ready when it
 * answers {@code PING} with {@code +PONG}. An immutable value: every method returns a new spec.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.spec("cache").start();
 *      RedisDatabase db = redis.newDatabase()) {       // a flushed logical database
 *     startService("--redis", db.uri());
 * }
 * }</pre>
 *
 * <p>The executable: {@link #binary} or the key {@value #BIN_KEY} (only that, when given), else
 * {@code redis-server} on the {@code PATH}, {@code /usr/bin}, {@code /usr/local/bin}, {@code /opt/homebrew/bin}.
 * Where none is found it runs in a container of {@link #image} (default {@value #DEFAULT_IMAGE}, or the key
 * {@value #IMAGE_KEY}), which needs Docker and Testcontainers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class RedisSpec {

    /** System property: the {@code redis-server} executable. */
    public static final String BIN_KEY = "jig.redis.bin";

    /** System property: the container image used where no local {@code redis-server} is found. */
    public static final String IMAGE_KEY = "jig.redis.image";

    /** The container image used by default where no local {@code redis-server} is found. */
    public static final String DEFAULT_IMAGE = "redis:7-alpine";

    static final String INSTALL = "Debian/Ubuntu: apt-get install redis-server; or point -D" + BIN_KEY
            + " at a redis-server executable";

    private final String name;
    private Path binary;
    private int port;
    private int databases = 16;
    private String image;
    private Backend backend = Backend.AUTO;
    private Duration readyTimeout = Duration.ofSeconds(30);
    private Duration stopGrace = Duration.ofSeconds(5);

    RedisSpec(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A Redis server needs a name for messages and records, e.g. \"cache\"");
        }
        this.name = name;
    }

    /** The {@code redis-server} executable; default: the key {@value #BIN_KEY}, else searched. */
    public RedisSpec binary(Path executable) {
        RedisSpec copy = copy();
        copy.binary = Objects.requireNonNull(executable, "executable");
        return copy;
    }

    /** The port on 127.0.0.1; default: a free one. */
    public RedisSpec port(int fixedPort) {
        if (fixedPort < 1 || fixedPort > 65535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535, got " + fixedPort);
        }
        RedisSpec copy = copy();
        copy.port = fixedPort;
        return copy;
    }

    /** How many logical databases (the most tests that can hold one at once); default 16. */
    public RedisSpec databases(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("databases must be at least 1, got " + count);
        }
        RedisSpec copy = copy();
        copy.databases = count;
        return copy;
    }

    /** The container image where no local {@code redis-server} is found; default {@value #DEFAULT_IMAGE}. */
    public RedisSpec image(String containerImage) {
        RedisSpec copy = copy();
        copy.image = Objects.requireNonNull(containerImage, "image");
        return copy;
    }

    /** Where it runs; default {@link Backend#AUTO}: a local binary, else a container. */
    public RedisSpec backend(Backend where) {
        RedisSpec copy = copy();
        copy.backend = Objects.requireNonNull(where, "backend");
        return copy;
    }

    /** How long the start may take; default 30 s. */
    public RedisSpec readyTimeout(Duration timeout) {
        RedisSpec copy = copy();
        copy.readyTimeout = Durations.positive(timeout, "readyTimeout");
        return copy;
    }

    /** How long a polite stop may take before the process is killed; default 5 s. */
    public RedisSpec stopGrace(Duration grace) {
        RedisSpec copy = copy();
        copy.stopGrace = Durations.positive(grace, "stopGrace");
        return copy;
    }

    /** The name it is known by in messages and records. */
    public String name() {
        return name;
    }

    /** Whether it can be started here, how, or why not; starts nothing. */
    public ServiceAvailability availability() {
        return ServiceLauncher.availability(plan(0), backend);
    }

    /** Starts the server and waits until it answers PING. */
    public RedisServer start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts the server, recording the phases {@code "start <name>"} and {@code "ready <name>"}. On failure
     * nothing is left running.
     *
     * @throws dev.jig.service.ServiceUnavailableException when neither a local binary nor a container can run it
     * @throws dev.jig.system.SystemStartException when it exits (e.g. its port is taken) or does not answer in time
     */
    public RedisServer start(Timeline timeline) {
        return RedisServer.start(this, Objects.requireNonNull(timeline, "timeline"));
    }

    @Override
    public String toString() {
        return "RedisSpec[" + name + ", " + backend + "]";
    }

    ServiceLauncher.Plan plan(int chosenPort) {
        Path configured = binary != null ? binary
                : System.getProperty(BIN_KEY) != null ? Path.of(System.getProperty(BIN_KEY)) : null;
        return plan(chosenPort, RedisBinaries.find(configured));
    }

    ServiceLauncher.Plan plan(int chosenPort, LocalBinaries binaries) {
        String containerImage = imageName();
        return new ServiceLauncher.Plan(name, "Redis", INSTALL, binaries,
                executable -> process(executable, chosenPort), containerImage,
                () -> container(containerImage, chosenPort));
    }

    private List<String> options(int chosenPort) {
        List<String> options = new ArrayList<>(List.of("--port", String.valueOf(chosenPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--databases", String.valueOf(databases)));
        return options;
    }

    private SystemSpec process(Path executable, int chosenPort) {
        List<String> options = new ArrayList<>(options(chosenPort));
        // Nothing is written with persistence off; a directory anyway keeps a stray file out of the project.
        options.addAll(List.of("--dir", System.getProperty("java.io.tmpdir")));
        return SystemSpec.command(name, executable.toString())
                .args(options.toArray())
                .readyWhen(ready(chosenPort))
                .readyTimeout(readyTimeout)
                .stopGrace(stopGrace);
    }

    private SystemSpec container(String containerImage, int chosenPort) {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        command.addAll(options(chosenPort));
        return SystemSpec.image(name, containerImage)
                .args((Object[]) command.toArray(String[]::new))
                .port(chosenPort)
                .readyWhen(ready(chosenPort))
                .readyTimeout(readyTimeout)
                .stopGrace(stopGrace);
    }

    private static Ready ready(int chosenPort) {
        return Ready.when("PING on 127.0.0.1:" + chosenPort + " answered with +PONG",
                () -> {
                    try {
                        return RespConnection.pong(chosenPort, Duration.ofSeconds(1));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    String imageName() {
        return image != null ? image : System.getProperty(IMAGE_KEY, DEFAULT_IMAGE);
    }

    int fixedPort() {
        return port;
    }

    int databaseCount() {
        return databases;
    }

    Backend backendValue() {
        return backend;
    }

    private RedisSpec copy() {
        RedisSpec copy = new RedisSpec(name);
        copy.binary = binary;
        copy.port = port;
        copy.databases = databases;
        copy.image = image;
        copy.backend = backend;
        copy.readyTimeout = readyTimeout;
        copy.stopGrace = stopGrace;
        return copy;
    }
}
