package dev.jig.junit;

import dev.jig.junit.internal.JigResource;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.junit.internal.PerTest;
import dev.jig.junit.internal.TestCompanions;
import dev.jig.record.ScopeRecorder;
import dev.jig.service.postgres.PostgresDatabase;
import dev.jig.service.postgres.PostgresServer;
import dev.jig.service.postgres.PostgresSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * A real PostgreSQL cluster declared as a field of a {@link JigTest} class, with a fresh database for every test
 * cloned from a template database (milliseconds, where a cluster costs an initdb). {@code static}: one cluster
 * for the class; an instance field: one per test. Configuration methods return a new declaration.
 *
 * <pre>{@code
 * static final Postgres db = Postgres.cluster("db").initSql("CREATE TABLE item (id text PRIMARY KEY)");
 * final SystemUnderTest service = SystemUnderTest.java("service", ServiceMain.class)
 *         .arg("--db", db::jdbcUrl).args("--db-user", Postgres.USER);     // this test's database
 *
 * @Test
 * void storesTheItem() throws SQLException {
 *     try (Connection c = db.connect()) { ... }                           // the same database
 * }
 * }</pre>
 *
 * <p>Phases: {@code start db}, {@code ready db}, {@code template db} and {@code stop db} on the class's (or test's)
 * timeline; {@code database db} and {@code drop database db} on each test's. The server appears in the record like
 * a system, and a failing test's message shows the last lines of its log. Binaries, the container fallback and the
 * keys: see {@link PostgresSpec}. The PostgreSQL JDBC driver ({@value PostgresServer#DRIVER}) must be on the test
 * class path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Postgres extends ManagedResource<PostgresServer> implements Addressable, TestCompanions {

    /** The superuser every database is reached as, without a password. */
    public static final String USER = PostgresServer.USER;

    private final PostgresSpec spec;
    private final PerTest<PostgresDatabase> databases;

    private Postgres(PostgresSpec spec) {
        super(spec.name());
        this.spec = spec;
        this.databases = new PerTest<>(spec.name(), "database");
    }

    /** A cluster named {@code name}, found and run as {@link PostgresSpec} says. */
    public static Postgres cluster(String name) {
        return new Postgres(PostgresServer.spec(name));
    }

    /** SQL run once in the template database, so that every test's database has what it makes. */
    public Postgres initSql(String sql) {
        return new Postgres(spec.initSql(sql));
    }

    /** A file of SQL run once in the template database, after earlier init steps. */
    public Postgres initScript(Path file) {
        return new Postgres(spec.initScript(file));
    }

    /** Anything else of the spec: {@code .configure(s -> s.binDir(dir).backend(Backend.LOCAL))}. */
    public Postgres configure(UnaryOperator<PostgresSpec> change) {
        return new Postgres(change.apply(spec));
    }

    /** The current test's database. */
    public PostgresDatabase database() {
        running();
        return databases.current();
    }

    /** The JDBC URL of the current test's database; as a supplier, {@code db::jdbcUrl}, for a system's arguments. */
    public String jdbcUrl() {
        return database().jdbcUrl();
    }

    /** A new connection to the current test's database as {@link #USER}; close it. */
    public Connection connect() throws SQLException {
        return database().connect();
    }

    /** The running cluster, for anything else (its own JDBC URLs, its log). */
    public PostgresServer server() {
        return running();
    }

    @Override
    public String host() {
        return running().host();
    }

    @Override
    public int port() {
        return running().port();
    }

    @Override
    public JigResource testCompanion() {
        return databases.companion(() -> server().newDatabase(), true,
                db -> name() + ": this test's database is " + db.name() + " (" + db.jdbcUrl() + ")");
    }

    @Override
    public void start(ScopeRecorder recorder) {
        startRecordingFailure(recorder, () -> spec.start(recorder.timeline()));
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        stopWith(recorder, PostgresServer::close, server -> recorder.add(server.toRecord()));
    }

    @Override
    public String diagnostics() {
        PostgresServer server = last();
        return server == null ? "" : server.describe();
    }
}
