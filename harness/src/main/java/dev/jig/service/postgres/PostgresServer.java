package dev.jig.service.postgres;

import dev.jig.system.SystemOutput;
import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Timeline;
import dev.jig.service.Backend;
import dev.jig.service.ServiceInitException;
import dev.jig.service.ServiceLauncher;
import dev.jig.system.RunningSystem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A running PostgreSQL cluster with a template database, started by {@link PostgresSpec#start()}: a fresh
 * database per test is a clone of the template ({@code CREATE DATABASE t_n TEMPLATE jig_template}), which costs
 * milliseconds where a new cluster costs an {@code initdb}. Closing it stops the server and everything it
 * started, and removes the cluster's directory.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.spec("db").initSql("CREATE TABLE t (id int)").start()) {
 *     try (PostgresDatabase db = server.newDatabase(); Connection c = db.connect()) {
 *         c.createStatement().execute("INSERT INTO t VALUES (1)");
 *     }   // dropped
 * }
 * }</pre>
 *
 * <p>Connections go through JDBC: the PostgreSQL driver ({@value #DRIVER}) must be on the class path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PostgresServer implements AutoCloseable {

    /** The superuser of the cluster; it connects without a password (trust, on 127.0.0.1 only). */
    public static final String USER = "jig";

    /** The database every cluster has, for administration. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    /** The template every {@link #newDatabase()} is cloned from; it takes no connections once built. */
    public static final String TEMPLATE = "jig_template";

    /** The JDBC driver to add, for messages. */
    public static final String DRIVER = "org.postgresql:postgresql:42.7.13";

    private static final int DIAGNOSTIC_LINES = 20;

    private final String name;
    private final RunningSystem running;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private final Object lock = new Object();
    private final ExecutorService background;
    private CompletableFuture<String> ahead;
    private Connection maintenance;
    private IllegalStateException dropFailure;
    private int majorVersion;
    private final Object aheadLock = new Object();
    private volatile boolean stopped;

    private PostgresServer(String name, RunningSystem running, int port) {
        this.name = name;
        this.running = running;
        this.port = port;
        this.background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "jig-" + name + "-databases");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A cluster named {@code name} to configure and start. */
    public static PostgresSpec spec(String name) {
        return new PostgresSpec(name);
    }

    static PostgresServer start(PostgresSpec spec, Timeline timeline) {
        int port = spec.fixedPort() > 0 ? spec.fixedPort() : ServiceLauncher.freePort(spec.name());
        RunningSystem running = ServiceLauncher.start(spec.plan(port), spec.backendValue(), timeline);
        PostgresServer server = new PostgresServer(spec.name(), running, port);
        try (Timeline.Span span = timeline.span("template " + spec.name())) {
            server.buildTemplate(spec);
            server.prepareNext();
            return server;
        } catch (RuntimeException | Error e) {
            try {
                server.stop();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            if (e instanceof ServiceInitException init) {
                throw new ServiceInitException(spec.name(), init.getMessage(), running.output().lines(),
                        running.toRecord(), init.getCause());
            }
            throw e;
        }
    }

    private void buildTemplate(PostgresSpec spec) {
        try {
            maintenance = Jdbc.maintenance(this, jdbcUrl(MAINTENANCE_DATABASE));
            majorVersion = maintenance.getMetaData().getDatabaseMajorVersion();
            Jdbc.execute(maintenance, "CREATE DATABASE " + TEMPLATE);
        } catch (SQLException e) {
            throw new ServiceInitException(name, "PostgreSQL '" + name + "' started, but Jig could not create its "
                    + "template database " + TEMPLATE + ": " + e.getMessage() + lastLines(), null, null, e);
        }
        int index = 0;
        try (Connection template = connect(TEMPLATE)) {
            for (InitStep step : spec.initSteps()) {
                index++;
                Jdbc.execute(template, read(step, index));
            }
        } catch (SQLException e) {
            InitStep step = spec.initSteps().isEmpty() ? null : spec.initSteps().get(Math.max(0, index - 1));
            throw new ServiceInitException(name, "PostgreSQL '" + name + "' started, but its "
                    + (step == null ? "template" : step.describe(index)) + " failed in the template database "
                    + TEMPLATE + ": " + e.getMessage() + "\nEvery test database is cloned from the template: fix the"
                    + " init SQL." + lastLines(), null, null, e);
        }
        try {
            Jdbc.execute(maintenance, "ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        } catch (SQLException e) {
            throw new ServiceInitException(name, "PostgreSQL '" + name + "' could not seal its template database: "
                    + e.getMessage(), null, null, e);
        }
    }

    private String read(InitStep step, int index) {
        try {
            return step.read();
        } catch (java.io.IOException e) {
            throw new ServiceInitException(name, "PostgreSQL '" + name + "': could not read its " + step.describe(index)
                    + ": " + e + ". Fix the path (relative paths are from " + Path.of("").toAbsolutePath() + ").",
                    null, null, e);
        }
    }

    /**
     * A fresh database cloned from the template, named {@code t_<n>}; close it to drop it. The next one is cloned
     * ahead, in the background, so that a test usually finds its database ready: a clone costs a checkpoint and a
     * copy of the template's files.
     *
     * @throws IllegalStateException if the server has stopped or refuses, with PostgreSQL's message and its output
     */
    public PostgresDatabase newDatabase() {
        CompletableFuture<String> prepared;
        requireRunning("create a database");
        synchronized (aheadLock) {
            prepared = ahead;
            ahead = null;
        }
        String database = prepared == null ? null : awaitPrepared(prepared);
        if (database == null) {
            database = create(); // none ahead, or it failed: this one says why
        }
        prepareNext();
        return new PostgresDatabase(this, database);
    }

    private static String awaitPrepared(CompletableFuture<String> prepared) {
        try {
            return prepared.get(Jdbc.STATEMENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void prepareNext() {
        synchronized (aheadLock) {
            if (!stopped && ahead == null) {
                try {
                    ahead = CompletableFuture.supplyAsync(this::create, background);
                } catch (RejectedExecutionException e) {
                    // stopping
                }
            }
        }
    }

    private String create() {
        String database = "t_" + databases.incrementAndGet();
        // FILE_COPY copies the template's files after a checkpoint; the default of 15 (WAL_LOG) writes every block
        // to the WAL, which measured slower for a small template (see the README's figures).
        String strategy = majorVersion >= 15 ? " STRATEGY FILE_COPY" : "";
        synchronized (lock) {
            requireRunning("create a database");
            try {
                Jdbc.execute(maintenance, "CREATE DATABASE " + database + " TEMPLATE " + TEMPLATE + strategy);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL '" + name + "' could not create database " + database
                        + " from its template: " + e.getMessage() + " (" + ServiceLauncher.describe(running) + ")" + lastLines(), e);
            }
        }
        return database;
    }

    // In the background, after the clone made ahead: a drop waits for PostgreSQL's checkpoint like a clone does, and
    // nobody needs to wait for it. A failure is kept and thrown by stop().
    void drop(PostgresDatabase database) {
        if (stopped) {
            return; // gone with the cluster
        }
        try {
            background.execute(() -> dropNow(database.name()));
        } catch (RejectedExecutionException e) {
            // stopping: gone with the cluster
        }
    }

    private void dropNow(String database) {
        String force = majorVersion >= 13 ? " WITH (FORCE)" : "";
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                Jdbc.execute(maintenance, "DROP DATABASE IF EXISTS " + database + force);
            } catch (SQLException e) {
                if (dropFailure == null) {
                    dropFailure = new IllegalStateException("PostgreSQL '" + name + "' could not drop database "
                            + database + ": " + e.getMessage() + " (" + ServiceLauncher.describe(running) + ")", e);
                }
            }
        }
    }

    /** The name the user gave, e.g. {@code "db"}. */
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

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    /** The JDBC URL of the {@value #MAINTENANCE_DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(MAINTENANCE_DATABASE);
    }

    /** A new connection to {@code database} as {@value #USER}; close it. */
    public Connection connect(String database) throws SQLException {
        return Jdbc.connect(this, jdbcUrl(database));
    }

    /** The server's major version, e.g. 15. */
    public int majorVersion() {
        return majorVersion;
    }

    /** Whether it runs as a local process or in a container. */
    public Backend backend() {
        return ServiceLauncher.backendOf(running);
    }

    /** The process (or the container's main process) id. */
    public long pid() {
        return running.pid();
    }

    /** What the server printed so far (its log). */
    public SystemOutput output() {
        return running.output();
    }

    /** Whether the server still runs. */
    public boolean isAlive() {
        return running.isAlive();
    }

    /** The cluster's directory, for a local process (removed when it stops). */
    public Optional<Path> dataDirectory() {
        return output().lines().stream().map(OutputLine::text)
                .filter(text -> text.startsWith(PostgresScript.DATA_LINE))
                .map(text -> Path.of(text.substring(PostgresScript.DATA_LINE.length()).strip()))
                .findFirst();
    }

    /** Its record for {@code results.json}: command, pid, exit code, the last lines of its log. */
    public ProcessRecord toRecord() {
        return running.toRecord();
    }

    /** What a failing test's message shows: state and the last lines of its log. */
    public String describe() {
        String tail = output().tailText(DIAGNOSTIC_LINES);
        return name + " (PostgreSQL at " + address() + ", " + ServiceLauncher.describe(running) + "), last " + DIAGNOSTIC_LINES
                + " lines of output:\n" + (tail.isEmpty() ? "  (no output)" : tail.indent(2).stripTrailing());
    }

    /**
     * Stops the server (fast shutdown) and removes the cluster. Idempotent.
     *
     * @throws IllegalStateException after stopping, if a database could not be dropped in the background
     */
    public void stop() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            Jdbc.closeQuietly(maintenance); // a clone in progress held the lock until now; one not begun fails
        }
        background.shutdownNow();
        running.stop();
        synchronized (lock) {
            if (dropFailure != null) {
                throw dropFailure;
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "PostgresServer[" + name + " at " + address() + ", " + ServiceLauncher.describe(running) + "]";
    }

    private void requireRunning(String what) {
        if (stopped) {
            throw new IllegalStateException("PostgreSQL '" + name + "' has been stopped; cannot " + what + ".");
        }
    }

    private String lastLines() {
        String tail = output().tailText(DIAGNOSTIC_LINES);
        return tail.isEmpty() ? "" : "\nLast lines of its log:\n" + tail.indent(2).stripTrailing();
    }
}
