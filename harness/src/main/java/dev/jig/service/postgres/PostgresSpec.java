package dev.jig.service.postgres;

import dev.jig.system.SystemSpec;
import dev.jig.system.Ready;
import dev.jig.record.Timeline;
import dev.jig.service.Backend;
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
 * A PostgreSQL cluster to start: where its binaries are, what to put into the template database every test
 * database is cloned from, and where it runs. An immutable value: every method returns a new spec.
 *
 * <pre>{@code
 * PostgresSpec spec = PostgresServer.spec("db")
 *     .initSql("CREATE TABLE item (id text PRIMARY KEY, price int)")
 *     .initScript(Path.of("src/test/resources/seed.sql"));
 * try (PostgresServer db = spec.start()) { ... }
 * }</pre>
 *
 * <p>Binaries: the directory of {@link #binDir} or the key {@value #BIN_KEY} (only there, when given), else
 * {@code pg_config --bindir}, {@code /usr/lib/postgresql/<version>/bin} (newest first) and the {@code PATH}.
 * Where none are found the cluster runs in a container of {@link #image} (default {@value #DEFAULT_IMAGE}, or the
 * key {@value #IMAGE_KEY}), which needs Docker and Testcontainers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PostgresSpec {

    /** System property: the directory with {@code initdb} and {@code postgres}. */
    public static final String BIN_KEY = "jig.postgres.bin";

    /** System property: the container image used where no local binaries are found. */
    public static final String IMAGE_KEY = "jig.postgres.image";

    /** The container image used by default where no local binaries are found. */
    public static final String DEFAULT_IMAGE = "postgres:15-alpine";

    /** What to install for local binaries, for messages. */
    static final String INSTALL = "Debian/Ubuntu: apt-get install postgresql-15; or point -D" + BIN_KEY
            + " at a directory with initdb and postgres";

    // Fields are only assigned on a fresh copy inside the with-methods, never after it is returned.
    private final String name;
    private Path binDir;
    private List<InitStep> init = List.of();
    private int port;
    private String image;
    private Backend backend = Backend.AUTO;
    private Duration readyTimeout = Duration.ofSeconds(60);
    private Duration stopGrace = Duration.ofSeconds(20);

    PostgresSpec(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A PostgreSQL cluster needs a name for messages and records, e.g. \"db\"");
        }
        this.name = name;
    }

    /** SQL, any number of statements, run once in the template database (so every test database has it). */
    public PostgresSpec initSql(String sql) {
        return withInit(InitStep.sql(Objects.requireNonNull(sql, "sql")));
    }

    /** A file of SQL, read at start, run once in the template database after earlier init steps. */
    public PostgresSpec initScript(Path file) {
        return withInit(InitStep.script(Objects.requireNonNull(file, "file")));
    }

    /** The directory with {@code initdb} and {@code postgres}; default: the key {@value #BIN_KEY}, else searched. */
    public PostgresSpec binDir(Path directory) {
        PostgresSpec copy = copy();
        copy.binDir = Objects.requireNonNull(directory, "directory");
        return copy;
    }

    /** The port on 127.0.0.1; default: a free one. */
    public PostgresSpec port(int fixedPort) {
        if (fixedPort < 1 || fixedPort > 65535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535, got " + fixedPort);
        }
        PostgresSpec copy = copy();
        copy.port = fixedPort;
        return copy;
    }

    /** The container image where no local binaries are found; default {@value #DEFAULT_IMAGE}. */
    public PostgresSpec image(String containerImage) {
        PostgresSpec copy = copy();
        copy.image = Objects.requireNonNull(containerImage, "image");
        return copy;
    }

    /** Where it runs; default {@link Backend#AUTO}: local binaries, else a container. */
    public PostgresSpec backend(Backend where) {
        PostgresSpec copy = copy();
        copy.backend = Objects.requireNonNull(where, "backend");
        return copy;
    }

    /** How long initdb and the start may take together; default 60 s. */
    public PostgresSpec readyTimeout(Duration timeout) {
        PostgresSpec copy = copy();
        copy.readyTimeout = Durations.positive(timeout, "readyTimeout");
        return copy;
    }

    /** How long a polite stop may take before the process tree is killed; default 20 s. */
    public PostgresSpec stopGrace(Duration grace) {
        PostgresSpec copy = copy();
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

    /** Starts the cluster, builds its template database and waits until it is ready. */
    public PostgresServer start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts the cluster and builds its template, recording the phases {@code "start <name>"},
     * {@code "ready <name>"} and {@code "template <name>"}. On failure nothing is left running.
     *
     * @throws dev.jig.service.ServiceUnavailableException when neither local binaries nor a container can run it
     * @throws dev.jig.service.ServiceInitException when the init SQL fails (with PostgreSQL's message)
     * @throws dev.jig.system.SystemStartException when the server exits or is not ready in time
     */
    public PostgresServer start(Timeline timeline) {
        return PostgresServer.start(this, Objects.requireNonNull(timeline, "timeline"));
    }

    @Override
    public String toString() {
        return "PostgresSpec[" + name + ", " + backend + ", " + init.size() + " init steps]";
    }

    ServiceLauncher.Plan plan(int chosenPort) {
        Path configured = binDir != null ? binDir
                : System.getProperty(BIN_KEY) != null ? Path.of(System.getProperty(BIN_KEY)) : null;
        return plan(chosenPort, PostgresBinaries.find(configured));
    }

    ServiceLauncher.Plan plan(int chosenPort, dev.jig.service.LocalBinaries binaries) {
        String containerImage = imageName();
        return new ServiceLauncher.Plan(name, "PostgreSQL", INSTALL, binaries,
                bin -> process(bin, chosenPort), containerImage, () -> container(containerImage, chosenPort));
    }

    private SystemSpec process(Path bin, int chosenPort) {
        return SystemSpec.command(name, "sh", "-c", PostgresScript.SCRIPT, "jig-postgres", bin.toString())
                .args(chosenPort, PostgresServer.USER)
                .readyWhen(ready(chosenPort))
                .readyTimeout(readyTimeout)
                .stopGrace(stopGrace);
    }

    private SystemSpec container(String containerImage, int chosenPort) {
        // The official image's entrypoint runs initdb as its own postgres user, then the server with these flags.
        return SystemSpec.image(name, containerImage)
                .env("POSTGRES_HOST_AUTH_METHOD", "trust")
                .env("POSTGRES_USER", PostgresServer.USER)
                .env("POSTGRES_DB", PostgresServer.MAINTENANCE_DATABASE)
                .args("postgres", "-p", String.valueOf(chosenPort), "-c", "listen_addresses=127.0.0.1",
                        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
                .port(chosenPort)
                .readyWhen(ready(chosenPort))
                .readyTimeout(readyTimeout)
                .stopGrace(stopGrace);
    }

    // The official image logs the line twice (a socket-only server runs its init scripts first); the TCP port
    // opens only on the final one.
    private static Ready ready(int chosenPort) {
        return Ready.all(Ready.logLine("database system is ready to accept connections"), Ready.port(chosenPort));
    }

    String imageName() {
        return image != null ? image : System.getProperty(IMAGE_KEY, DEFAULT_IMAGE);
    }

    List<InitStep> initSteps() {
        return init;
    }

    int fixedPort() {
        return port;
    }

    Backend backendValue() {
        return backend;
    }

    private PostgresSpec withInit(InitStep step) {
        List<InitStep> more = new ArrayList<>(init);
        more.add(step);
        PostgresSpec copy = copy();
        copy.init = List.copyOf(more);
        return copy;
    }

    private PostgresSpec copy() {
        PostgresSpec copy = new PostgresSpec(name);
        copy.binDir = binDir;
        copy.init = init;
        copy.port = port;
        copy.image = image;
        copy.backend = backend;
        copy.readyTimeout = readyTimeout;
        copy.stopGrace = stopGrace;
        return copy;
    }
}
