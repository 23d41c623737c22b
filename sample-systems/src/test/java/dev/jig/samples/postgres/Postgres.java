package dev.jig.samples.postgres;

import dev.jig.junit.SystemUnderTest;
import dev.jig.process.ProcessSpec;
import dev.jig.process.Ready;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A real PostgreSQL 15 for a suite, run by the harness like any system under test: a fresh cluster in a
 * temporary directory ({@code initdb}), then {@code postgres} on a free port of 127.0.0.1, ready when it logs
 * that it accepts connections. Stopping it stops the server (fast shutdown) and removes the directory.
 *
 * <pre>{@code
 * static final SystemUnderTest db = Postgres.server("db");
 * final SystemUnderTest service = SystemUnderTest.java("service", ServiceMain.class)
 *         .arg("--db", Postgres.jdbcUrl(db)).args("--db-user", Postgres.USER);
 * }</pre>
 *
 * <p>Needs the binaries of Debian's {@code postgresql-15} in {@code /usr/lib/postgresql/15/bin} (or the
 * directory in the system property {@code jig.postgres.bin}); without them the start fails with a message
 * saying what to install (suites guard with {@link #installedOrRequired()} to be skipped instead, outside CI). PostgreSQL refuses to run as root: as root, the cluster belongs to the
 * {@code postgres} user and the binaries run as that user.
 */
public final class Postgres {

    /** The superuser of the cluster; it connects without a password (trust, on 127.0.0.1 only). */
    public static final String USER = "jig";

    /** The database every cluster has. */
    public static final String DATABASE = "postgres";

    /** Where the binaries are looked for. */
    public static final String BIN = System.getProperty("jig.postgres.bin", "/usr/lib/postgresql/15/bin");

    /** The line printed with the cluster's directory, for tests that check it is gone afterwards. */
    public static final String DATA_LINE = "jig-postgres: cluster in ";

    // $1 = the bin directory, $2 = the port. The shell stays the parent of postgres so that it can turn the
    // harness's SIGTERM ("smart" shutdown, which waits for clients) into SIGINT ("fast" shutdown) and remove
    // the cluster once postgres has exited. Durability is off: the cluster lives for one suite.
    static final String SCRIPT = """
            bin=$1; port=$2
            if [ ! -x "$bin/postgres" ] || [ ! -x "$bin/initdb" ]; then
              echo "jig-postgres: PostgreSQL 15 is not installed ($bin/postgres is missing)." \\
                   "Install it with 'apt-get install postgresql-15' (Debian/Ubuntu)," \\
                   "or point -Djig.postgres.bin at a directory with initdb and postgres." >&2
              exit 2
            fi
            dir=$(mktemp -d "${TMPDIR:-/tmp}/jig-postgres.XXXXXX") || exit 2
            trap 'rm -rf "$dir"' EXIT
            trap 'exit 143' TERM INT
            echo "%s$dir"
            as=""
            if [ "$(id -u)" = 0 ]; then
              chown postgres "$dir" || exit 2
              if command -v setpriv >/dev/null; then
                as="setpriv --reuid=postgres --regid=postgres --init-groups --"
              else
                as="runuser -u postgres --"
              fi
            fi
            cd "$dir"
            if ! $as "$bin/initdb" -D "$dir/data" -U %s --auth=trust -E UTF8 --no-sync \\
                 >"$dir/initdb.log" 2>&1; then
              echo "jig-postgres: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 2
            fi
            $as "$bin/postgres" -D "$dir/data" -p "$port" -h 127.0.0.1 -k "$dir" \\
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB &
            pid=$!
            trap 'kill -INT "$pid" 2>/dev/null' TERM INT
            wait "$pid"
            wait "$pid"
            """.formatted(DATA_LINE, USER);

    private Postgres() {
    }

    /**
     * Whether a suite that needs PostgreSQL should run: when the binaries are installed, and always under
     * {@code CI=true}, where their absence must fail the build (with the start's message) rather than skip.
     * For {@code @EnabledIf("dev.jig.samples.postgres.Postgres#installedOrRequired")}.
     */
    public static boolean installedOrRequired() {
        return Files.isExecutable(Path.of(BIN, "postgres")) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A PostgreSQL server named {@code name}: static field for one per class, instance field for one per test. */
    public static SystemUnderTest server(String name) {
        return SystemUnderTest.command(name, "sh", "-c", SCRIPT, "jig-postgres", BIN)
                .args(ProcessSpec.FREE_PORT)
                .readyWhen(ready())
                .readyTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(20));
    }

    /** The same server as a plain harness spec, for code without JUnit. */
    public static ProcessSpec spec(String name) {
        return spec(name, BIN);
    }

    static ProcessSpec spec(String name, String bin) {
        return ProcessSpec.command(name, "sh", "-c", SCRIPT, "jig-postgres", bin)
                .args(ProcessSpec.FREE_PORT)
                .readyWhen(ready())
                .readyTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(20));
    }

    private static Ready ready() {
        return Ready.all(Ready.logLine("database system is ready to accept connections"), Ready.port());
    }

    /** The JDBC url of {@code server}'s {@value #DATABASE} database, asked for when it is needed. */
    public static Supplier<String> jdbcUrl(SystemUnderTest server) {
        return () -> jdbcUrl(server.port());
    }

    /** The JDBC url of the {@value #DATABASE} database of a server on {@code port} of 127.0.0.1. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A new connection to {@code server} as {@link #USER}; close it. */
    public static Connection connect(SystemUnderTest server) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(server.port()), USER, "");
    }
}
