package dev.jig.samples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.process.ProcessExitedException;
import dev.jig.process.SystemProcess;
import dev.jig.record.OutputLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/** The PostgreSQL helper itself, through the plain harness: it serves SQL, and stopping it leaves nothing. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresTest {

    @Test
    @EnabledIf(value = "dev.jig.samples.postgres.Postgres#installedOrRequired", disabledReason = "PostgreSQL 15 is"
            + " not installed; 'apt-get install postgresql-15'")
    void servesSqlAndStoppingItEndsEveryProcessAndRemovesTheCluster() throws Exception {
        Path cluster;
        List<ProcessHandle> tree;
        try (SystemProcess postgres = Postgres.spec("postgres").start()) {
            String url = Postgres.jdbcUrl(postgres.port().getAsInt());
            try (Connection connection = DriverManager.getConnection(url, Postgres.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select current_user, version()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(Postgres.USER);
                assertThat(result.getString(2)).startsWith("PostgreSQL 15");
            }
            cluster = clusterOf(postgres);
            assertThat(cluster.resolve("data/PG_VERSION")).exists();
            ProcessHandle root = ProcessHandle.of(postgres.pid()).orElseThrow();
            tree = Stream.concat(Stream.of(root), root.descendants()).collect(Collectors.toList());
            // sh, postgres and its helpers (checkpointer, walwriter, ...)
            assertThat(tree).hasSizeGreaterThan(3);
        }

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(cluster).doesNotExist();
    }

    @Test
    void withoutTheBinariesTheStartFailsSayingWhatToInstall() {
        assertThatThrownBy(() -> Postgres.spec("postgres", "/nonexistent/postgresql/bin").start().close())
                .isInstanceOf(ProcessExitedException.class)
                .hasMessageContaining("postgres exited")
                .hasMessageContaining("Install it with 'apt-get install postgresql-15'");
    }

    private static Path clusterOf(SystemProcess postgres) {
        return postgres.output().lines().stream()
                .map(OutputLine::text)
                .filter(text -> text.startsWith(Postgres.DATA_LINE))
                .map(text -> Path.of(text.substring(Postgres.DATA_LINE.length()).strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + Postgres.DATA_LINE + "…' in:\n"
                        + postgres.output().tailText(20)));
    }
}
