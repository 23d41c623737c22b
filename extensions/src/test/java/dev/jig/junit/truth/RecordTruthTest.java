package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.junit.fixtures.RelayTestCase;
import dev.jig.junit.fixtures.truth.AfterAllFailureTestCase;
import dev.jig.junit.fixtures.truth.BeforeAllFailureTestCase;
import dev.jig.junit.fixtures.truth.ConditionSkippedTestCase;
import dev.jig.junit.fixtures.truth.SkipsTestCase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The record never says less than the engine: every test and class, with the truth about how it ended. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordTruthTest {

    @TempDir
    static Path reportDir;

    static SessionRun run;

    @BeforeAll
    static void runFixtures() {
        run = SessionRun.of(reportDir, Map.of(), RelayTestCase.class, BeforeAllFailureTestCase.class,
                AfterAllFailureTestCase.class, SkipsTestCase.class, ConditionSkippedTestCase.class);
    }

    @Test
    void countsEqualTheEngines() {
        TestExecutionSummary engine = run.summary();
        // The engine counts the tests of a class that failed in beforeAll as found, not as failed: they never start.
        long neverStarted = 2;
        assertThat(run.results().path("tests").size()).isEqualTo(engine.getTestsFoundCount()).isEqualTo(9);
        assertThat(run.count("passed")).isEqualTo(engine.getTestsSucceededCount()).isEqualTo(3);
        assertThat(run.count("skipped")).isEqualTo(engine.getTestsSkippedCount()).isEqualTo(3);
        assertThat(run.count("aborted")).isEqualTo(engine.getTestsAbortedCount()).isEqualTo(1);
        assertThat(run.count("failed")).isEqualTo(engine.getTestsFailedCount() + neverStarted).isEqualTo(2);
        assertThat(engine.getContainersFailedCount()).isEqualTo(2); // the beforeAll and the afterAll class
    }

    @Test
    void aClassThatFailsInBeforeAllFailsEachOfItsTestsWithTheSystemsOutput() {
        for (String method : new String[] {"first", "second"}) {
            JsonNode test = run.test(method);
            assertThat(test.path("status").asText()).isEqualTo("failed");
            assertThat(test.path("failure").path("message").asText())
                    .contains("relay exited with code 3")
                    .contains("relay: cannot start, configuration is broken");
            JsonNode relay = test.path("processes").get(0);
            assertThat(relay.path("name").asText()).isEqualTo("relay");
            assertThat(relay.path("exitCode").asInt()).isEqualTo(3);
        }
        JsonNode entry = run.classEntry(BeforeAllFailureTestCase.class);
        assertThat(entry.path("status").asText()).isEqualTo("failed");
        assertThat(entry.path("failure").path("message").asText()).contains("relay exited with code 3");
    }

    @Test
    void anAfterAllFailureIsRecordedOnTheClass() {
        assertThat(run.test("passesButLeavesGarbage").path("status").asText()).isEqualTo("passed");
        JsonNode entry = run.classEntry(AfterAllFailureTestCase.class);
        assertThat(entry.path("status").asText()).isEqualTo("failed");
        assertThat(entry.path("failure").path("message").asText())
                .startsWith("After the test, class AfterAllFailureTestCase reported:")
                .contains("bank received malformed input on connection 1: UNDECODABLE");
    }

    @Test
    void skippedDisabledAndAbortedTestsAppearWithTheirReasons() {
        JsonNode disabled = run.test("disabled");
        assertThat(disabled.path("status").asText()).isEqualTo("skipped");
        assertThat(disabled.path("failure").path("message").asText()).isEqualTo("waiting for the bank's new API");
        JsonNode aborted = run.test("aborts");
        assertThat(aborted.path("status").asText()).isEqualTo("aborted");
        assertThat(aborted.path("failure").path("message").asText()).contains("only on Tuesdays");
        for (String method : new String[] {"one", "two"}) {
            JsonNode test = run.test(method);
            assertThat(test.path("status").asText()).isEqualTo("skipped");
            assertThat(test.path("failure").path("message").asText()).contains("jig.fixture.never.set");
        }
        assertThat(run.classEntry(ConditionSkippedTestCase.class).path("status").asText()).isEqualTo("skipped");
    }

    @Test
    void theReportShowsTheClassFailuresAndTheSkipReasons() {
        assertThat(run.html())
                .contains("class failures")
                .contains("AfterAllFailureTestCase")
                .contains("waiting for the bank's new API");
    }
}
