package dev.jig.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.system.SystemExitedException;
import dev.jig.system.SystemStartException;
import dev.jig.record.PhaseRecord;
import dev.jig.record.Timeline;
import dev.jig.service.Backend;
import dev.jig.service.LocalBinaries;
import dev.jig.service.ServiceInitException;
import dev.jig.service.ServiceLauncher;
import dev.jig.service.ServiceUnavailableException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** A real PostgreSQL through the plain harness: template clones, init SQL, failures, and nothing left behind. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresServerTest {

    /** Local binaries, or CI, where their absence must fail rather than skip. */
    static boolean localOrCi() {
        return PostgresBinaries.find(null).found().isPresent() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Test
    @EnabledIf("localOrCi")
    void everyDatabaseIsAFreshCloneOfTheTemplateAndIsDroppedWhenClosed(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.sql"), "INSERT INTO item VALUES ('i1', 3);");
        Timeline timeline = Timeline.startingNow();
        try (PostgresServer server = PostgresServer.spec("db")
                .initSql("CREATE TABLE item (id text PRIMARY KEY, price int)")
                .initScript(seed)
                .start(timeline)) {
            assertThat(server.backend()).isEqualTo(Backend.LOCAL);
            assertThat(timeline.phases()).extracting(PhaseRecord::name)
                    .containsExactly("start db", "ready db", "template db");

            String first;
            try (PostgresDatabase one = server.newDatabase(); PostgresDatabase two = server.newDatabase()) {
                first = one.name();
                assertThat(one.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + one.name());
                execute(one, "INSERT INTO item VALUES ('only-in-one', 1)");
                assertThat(ids(one)).containsExactly("i1", "only-in-one");
                assertThat(ids(two)).containsExactly("i1");
                try (Connection open = one.connect()) {
                    assertThat(open.isValid(5)).isTrue(); // left open: the drop ends it
                    one.close();
                    awaitDropped(server, first); // in the background
                    assertThat(databases(server)).contains(two.name(), PostgresServer.TEMPLATE);
                }
            }
        }
    }

    @Test
    @EnabledIf("localOrCi")
    void stoppingEndsEveryProcessOfTheTreeAndRemovesTheCluster() throws Exception {
        List<ProcessHandle> tree;
        Path cluster;
        try (PostgresServer server = PostgresServer.spec("db").start()) {
            cluster = server.dataDirectory().orElseThrow();
            assertThat(cluster.resolve("data/PG_VERSION")).exists();
            try (PostgresDatabase db = server.newDatabase(); Connection connection = db.connect();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select current_user, current_setting('fsync'),"
                            + " current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
                assertThat(result.next()).isTrue();
                assertThat(List.of(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4))).containsExactly(PostgresServer.USER, "off", "off", "off");
                ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
                tree = Stream.concat(Stream.of(root), root.descendants()).collect(Collectors.toList());
            }
            assertThat(tree).hasSizeGreaterThan(3); // sh, postgres and its helpers
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(cluster).doesNotExist();
    }

    @Test
    @EnabledIf("localOrCi")
    void badInitSqlFailsWithPostgresMessageAndLeavesNothingRunning() {
        Throwable failure = catchStart(PostgresServer.spec("db")
                .initSql("CREATE TABLE ok (id int)")
                .initSql("CREAT TABLE broken (id int)"));

        assertThat(failure).isInstanceOf(ServiceInitException.class)
                .hasMessageStartingWith("PostgreSQL 'db' started, but its initSql #2 failed in the template database"
                        + " jig_template: ERROR: syntax error at or near \"CREAT\"")
                .hasMessageContaining("Every test database is cloned from the template: fix the init SQL.");
        ServiceInitException init = (ServiceInitException) failure;
        long pid = init.record().orElseThrow().pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(init.output()).anyMatch(line -> line.text().contains("syntax error at or near \"CREAT\""));
    }

    @Test
    @EnabledIf("localOrCi")
    void aMissingInitScriptSaysWhichFile(@TempDir Path dir) {
        assertThat(catchStart(PostgresServer.spec("db").initScript(dir.resolve("nope.sql"))))
                .isInstanceOf(ServiceInitException.class)
                .hasMessageStartingWith("PostgreSQL 'db': could not read its initScript " + dir.resolve("nope.sql"));
    }

    @Test
    @EnabledIf("localOrCi")
    void aTakenPortFailsTheStartWithPostgresOwnMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(catchStart(PostgresServer.spec("db").port(taken.getLocalPort())))
                    .isInstanceOf(SystemExitedException.class)
                    .hasMessageContaining("db exited")
                    .hasMessageContaining("could not bind IPv4 address \"127.0.0.1\": Address already in use");
        }
    }

    @Test
    void aConfiguredDirectoryWithoutTheBinariesFailsSayingWhereItLookedAndWhatToInstall() {
        assertThatThrownBy(() -> PostgresServer.spec("db").binDir(Path.of("/nonexistent/pg/bin")).start())
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("Could not start PostgreSQL 'db': no local binaries (looked in: /nonexistent/pg/bin"
                        + " (configured: jig.postgres.bin or binDir(...)): no initdb and postgres there). Install"
                        + " them (Debian/Ubuntu: apt-get install postgresql-15; or point -Djig.postgres.bin at a"
                        + " directory with initdb and postgres) or fix the configured location.");
    }

    @Test
    void withoutLocalBinariesAndWithoutADockerImageTheStartSaysWhatWasTriedAndWhatToInstall(@TempDir Path empty) {
        PostgresSpec spec = PostgresServer.spec("db").image("jig/no-such-postgres:0");
        LocalBinaries none = PostgresBinaries.find(null, empty, empty.toString(), false);

        assertThatThrownBy(() -> ServiceLauncher.start(spec.plan(5432, none), Backend.AUTO, Timeline.NONE))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageStartingWith("Could not start PostgreSQL 'db': no local binaries (looked in: " + empty
                        + "/*/bin: none; PATH (" + empty + ")), and no container of image jig/no-such-postgres:0: ")
                .hasMessageEndingWith(" To run it here, install the binaries (Debian/Ubuntu: apt-get install"
                        + " postgresql-15; or point -Djig.postgres.bin at a directory with initdb and postgres), or"
                        + " make Docker available with the image jig/no-such-postgres:0.");
        assertThat(ServiceLauncher.availability(spec.plan(5432, none), Backend.LOCAL).reason())
                .startsWith("Could not start PostgreSQL 'db': no local binaries (looked in: " + empty + "/*/bin");
    }

    @Test
    void binariesAreFoundInTheNewestPackagedVersionFirst(@TempDir Path root) throws Exception {
        for (String version : List.of("9.6", "13", "15")) {
            Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
            for (String tool : List.of("initdb", "postgres")) {
                Files.createFile(bin.resolve(tool)).toFile().setExecutable(true);
            }
        }
        LocalBinaries found = PostgresBinaries.find(null, root, "", false);
        assertThat(found.found()).contains(root.resolve("15/bin"));
        assertThat(found.configured()).isFalse();
    }

    private static void awaitDropped(PostgresServer server, String database) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (databases(server).contains(database)) {
            assertThat(System.nanoTime() - deadline).as("%s dropped within 30 s", database).isNegative();
            Thread.sleep(20);
        }
    }

    private static Throwable catchStart(PostgresSpec spec) {
        try (PostgresServer server = spec.start()) {
            throw new AssertionError("started, but should have failed: " + server);
        } catch (SystemStartException e) {
            return e;
        }
    }

    private static void execute(PostgresDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> ids(PostgresDatabase db) throws SQLException {
        return column(db.connect(), "SELECT id FROM item ORDER BY id");
    }

    private static List<String> databases(PostgresServer server) throws SQLException {
        return column(server.connect(PostgresServer.MAINTENANCE_DATABASE), "SELECT datname FROM pg_database");
    }

    private static List<String> column(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (connection; Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
