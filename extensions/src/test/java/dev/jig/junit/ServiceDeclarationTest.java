package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.fixtures.PostgresBadInitTestCase;
import dev.jig.junit.fixtures.PostgresFailingTestCase;
import dev.jig.junit.fixtures.PostgresTestCase;
import dev.jig.junit.fixtures.RedisTestCase;
import dev.jig.service.Backend;
import dev.jig.service.ServiceInitException;
import dev.jig.service.postgres.PostgresServer;
import dev.jig.service.redis.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Postgres and Redis declarations through the real engine: per-test databases, records, failures. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServiceDeclarationTest {

    static boolean postgresOrCi() {
        return PostgresServer.spec("db").backend(Backend.LOCAL).availability().available() || ci();
    }

    static boolean redisOrCi() {
        return RedisServer.spec("cache").backend(Backend.LOCAL).availability().available() || ci();
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @TempDir
    Path reportDir;

    @Test
    @EnabledIf("postgresOrCi")
    void eachTestGetsItsOwnCloneOfTheTemplateAndTheClusterIsGoneAfterTheClass() throws Exception {
        PostgresTestCase.DATABASES.clear();
        PostgresTestCase.PIDS.clear();
        PostgresTestCase.CLUSTERS.clear();

        JsonNode run = runSession(PostgresTestCase.class);

        assertThat(run.path("tests").findValuesAsText("status")).containsExactly("passed", "passed");
        assertThat(PostgresTestCase.DATABASES).hasSize(2).doesNotHaveDuplicates().allMatch(n -> n.startsWith("t_"));
        assertThat(ProcessHandle.of(PostgresTestCase.PIDS.get(0)).map(ProcessHandle::isAlive))
                .isIn(Optional.empty(), Optional.of(false));
        assertThat(PostgresTestCase.CLUSTERS.get(0)).doesNotExist();

        JsonNode test = run.path("tests").get(0);
        assertThat(phaseNames(test)).containsSubsequence("database db", "start client", "ready client", "test body",
                "stop client", "drop database db");
        JsonNode classRecord = run.path("classes").get(0);
        assertThat(phaseNames(classRecord)).containsSubsequence("start db", "ready db", "template db", "stop db");
        JsonNode process = classRecord.path("processes").get(0);
        assertThat(process.path("name").asText()).isEqualTo("db");
        assertThat(process.path("output").toString()).contains("database system is ready to accept connections");
    }

    @Test
    @EnabledIf("postgresOrCi")
    void brokenInitSqlFailsTheClassWithPostgresMessage() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PostgresBadInitTestCase.class))
                .execute().containerEvents();
        Throwable failure = containers.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();

        assertThat(failure).isInstanceOf(ServiceInitException.class)
                .hasMessageStartingWith("PostgreSQL 'db' started, but its initSql #1 failed in the template database"
                        + " jig_template: ERROR: syntax error at or near \"CREAT\"");
    }

    @Test
    @EnabledIf("postgresOrCi")
    void aFailingTestShowsTheServerLogAndItsDatabase() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PostgresFailingTestCase.class))
                .execute().testEvents();
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();

        assertThat(failure.getMessage())
                .contains("--- Jig: the systems and fakes of this test ---")
                .containsPattern("db \\(PostgreSQL at 127\\.0\\.0\\.1:\\d+, pid \\d+, running\\), last 20 lines of"
                        + " output:")
                .contains("database system is ready to accept connections")
                .containsPattern("db: this test's database is t_1 \\(jdbc:postgresql://127\\.0\\.0\\.1:\\d+/t_1\\)");
    }

    @Test
    @EnabledIf("redisOrCi")
    void eachTestStartsWithAnEmptyRedisDatabaseAndTheServerStopsAfterTheClass() throws Exception {
        RedisTestCase.PIDS.clear();

        JsonNode run = runSession(RedisTestCase.class);

        assertThat(run.path("tests").findValuesAsText("status")).containsExactly("passed", "passed", "passed");
        assertThat(RedisTestCase.PIDS).hasSize(3).containsOnly(RedisTestCase.PIDS.get(0));
        assertThat(ProcessHandle.of(RedisTestCase.PIDS.get(0)).map(ProcessHandle::isAlive))
                .isIn(Optional.empty(), Optional.of(false));
        assertThat(phaseNames(run.path("tests").get(0))).contains("database cache");
        JsonNode classRecord = run.path("classes").get(0);
        assertThat(phaseNames(classRecord)).containsSubsequence("start cache", "ready cache", "stop cache");
        assertThat(classRecord.path("processes").get(0).path("name").asText()).isEqualTo("cache");
    }

    @Test
    void outsideATestThereIsNoDatabaseToAskFor() {
        Postgres db = Postgres.cluster("db");
        org.assertj.core.api.Assertions.assertThatThrownBy(db::jdbcUrl)
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("db is not running.");
    }

    private JsonNode runSession(Class<?> testCase) throws Exception {
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testCase))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .build());
        }
        return new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
    }

    private static List<String> phaseNames(JsonNode scope) {
        List<String> names = new ArrayList<>();
        scope.path("phases").forEach(phase -> names.add(phase.path("name").asText()));
        return names;
    }
}
