package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.fixtures.HttpPerClassTestCase;
import dev.jig.junit.fixtures.HttpPerTestTestCase;
import dev.jig.junit.fixtures.HttpUnmatchedTestCase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs the HTTP fake fixtures through the real engine. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FakeHttpTest {

    @TempDir
    Path reportDir;

    private static Events run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute().testEvents();
    }

    private static String failureOf(Events events) {
        return events.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    @Test
    void aStaticHttpFakeServesTheWholeClassAndTakesFaultsAtRuntime() {
        run(HttpPerClassTestCase.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(HttpPerClassTestCase.catalog.isRunning()).isFalse();
    }

    @Test
    void anInstanceHttpFakeIsFreshForEachTest() {
        run(HttpPerTestTestCase.class).assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void unmatchedRequestsFailTheTestWithTheNearMissDiffUnlessTaken() {
        Events ignored = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(HttpUnmatchedTestCase.class, "ignoresUnmatched")).execute().testEvents();
        ignored.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(ignored))
                .startsWith("After the test, test ignoresUnmatched() reported:")
                .contains("catalog received a request no stub matched: GET /items/8 matched no stub; closest stub:")
                .contains("/items/7").contains("URL does not match")
                .contains("take them in the test with catalog.takeUnmatched()");

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(HttpUnmatchedTestCase.class, "takesUnmatched")).execute().testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aFailingTestsMessageShowsTheUnmatchedRequests() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(HttpUnmatchedTestCase.class, "failsWithTheNearMissInTheMessage"))
                .execute().testEvents();
        events.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(events))
                .startsWith("the price ==> expected: <200> but was: <404>")
                .contains("--- Jig: the systems and fakes of this test ---")
                .contains("catalog (fake http at 127.0.0.1:")
                .contains("1 unmatched requests")
                .contains("GET /items/9 matched no stub; closest stub:");
    }

    @Test
    void resultsJsonListsTheHttpFakeWithItsRequestsAndFaults() throws Exception {
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(HttpPerClassTestCase.class))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .build());
        }
        JsonNode run = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
        JsonNode fake = run.path("classes").findValue("fakes").get(0);
        assertThat(fake.path("name").asText()).isEqualTo("catalog");
        assertThat(fake.path("kind").asText()).isEqualTo("http");
        assertThat(fake.path("received").asInt()).isEqualTo(3);
        assertThat(fake.path("faults").get(0).asText()).isEqualTo("request 2 (GET /items/3): reset");
        assertThat(run.path("classes").toString()).contains("start catalog", "stop catalog");
    }

    @Test
    void withoutWireMockTheFactoryNamesTheDependencyToAdd() {
        assertThatThrownBy(() -> FakeServer.requireOnClassPath("com.example.NoSuchWireMock", "catalog"))
                .isInstanceOf(JigConfigurationException.class)
                .hasMessageContaining("The HTTP fake 'catalog' needs WireMock")
                .hasMessageContaining("org.wiremock:wiremock:3.13.2");
    }
}
