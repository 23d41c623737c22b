package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.fixtures.FailingTestCase;
import dev.jig.junit.fixtures.RelayTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs fixtures through a real launcher session, as Surefire and IDEs do, and reads results.json. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionRecordingTest {

    @TempDir
    Path reportDir;

    @Test
    void sessionWritesResultsWithPhasesProcessesAndFakes() throws Exception {
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(RelayTestCase.class), selectClass(FailingTestCase.class))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .build());
        }
        Path results = reportDir.resolve("results.json");
        assertThat(results).exists();
        JsonNode run = new ObjectMapper().readTree(results.toFile());
        assertThat(run.path("schema").asText()).isEqualTo("jig-results/1");
        assertThat(run.path("run").path("environment").path("cpus").asInt()).isPositive();
        assertThat(run.path("tests")).hasSize(2);

        JsonNode relay = testNamed(run, "relaysToTheFake");
        assertThat(relay.path("status").asText()).isEqualTo("passed");
        assertThat(relay.path("className").asText()).isEqualTo(RelayTestCase.class.getName());
        assertThat(relay.path("durationNanos").asLong()).isPositive();
        assertThat(phaseNames(relay)).containsSubsequence("start upstream", "start relay", "ready relay",
                "connect relay", "test body", "stop relay", "stop upstream");
        assertThat(relay.path("processes").get(0).path("name").asText()).isEqualTo("relay");
        assertThat(relay.path("processes").get(0).path("output").toString()).contains("listening on port");
        assertThat(relay.path("fakes").get(0).path("received").asInt()).isEqualTo(1);

        JsonNode failing = testNamed(run, "failsWithContext");
        assertThat(failing.path("status").asText()).isEqualTo("failed");
        assertThat(failing.path("failure").path("message").asText()).contains("--- Jig:");
        JsonNode classes = run.path("classes");
        assertThat(classes.toString()).contains("start upstream").contains(FailingTestCase.class.getName());
        assertThat(Files.list(reportDir).map(p -> p.getFileName().toString()))
                .contains("results.json", "index.html", "parts");
        assertThat(Files.readString(reportDir.resolve("index.html"))).contains("relaysToTheFake");
    }

    @Test
    void aTestsTraceNamesWhoTalkedToWhomWhoHeldTheRequestAndWhereTheTestWaited() throws Exception {
        runSession(java.util.Map.of("jig.waits", "1ms"), RelayTestCase.class);
        JsonNode trace = testNamed(new ObjectMapper().readTree(reportDir.resolve("results.json").toFile()),
                "relaysToTheFake").path("trace");

        assertThat(trace.path("participants").toString()).isEqualTo("[\"client\",\"relay\",\"upstream\"]");
        assertThat(trace.path("messages").findValuesAsText("kind")).containsExactly("request", "request", "reply",
                "reply");
        JsonNode asked = trace.path("messages").get(1);
        assertThat(asked.path("from").asText()).as("the relay asked for the fake's address").isEqualTo("relay");
        assertThat(trace.path("messages").get(2).path("replyTo").asInt()).isEqualTo(asked.path("id").asInt());
        assertThat(trace.path("holds").findValuesAsText("what")).containsExactly(
                "from {\"text\":\"hello\"} #1 to asking upstream", "answering {\"text\":\"hello\"} #2",
                "after upstream's answer to replying");
        assertThat(trace.path("marks").toString()).contains("listening on port");
        assertThat(trace.path("waits").findValuesAsText("thread")).as("the test thread waited for the reply")
                .contains(Thread.currentThread().getName());
    }

    @Test
    void sessionsIntoOneDirectoryMergeAndAReRunReplacesTheOlderEntry() throws Exception {
        runSession(RelayTestCase.class, FailingTestCase.class);
        String firstRun = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile())
                .path("run").path("id").asText();
        runSession(FailingTestCase.class);

        JsonNode run = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
        assertThat(run.path("tests")).hasSize(2);
        assertThat(run.path("tests").findValuesAsText("methodName"))
                .containsExactlyInAnyOrder("relaysToTheFake", "failsWithContext");
        assertThat(run.path("run").path("id").asText()).isNotEqualTo(firstRun);
        try (var parts = Files.list(reportDir.resolve("parts"))) {
            assertThat(parts).hasSize(2);
        }
        assertThat(reportDir.resolve("index.html")).exists();
    }

    private void runSession(Class<?>... classes) {
        runSession(java.util.Map.of(), classes);
    }

    private void runSession(java.util.Map<String, String> parameters, Class<?>... classes) {
        var request = LauncherDiscoveryRequestBuilder.request().configurationParameter("jig.report.dir",
                reportDir.toString()).configurationParameters(parameters);
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request.build());
        }
    }

    private static JsonNode testNamed(JsonNode run, String method) {
        for (JsonNode test : run.path("tests")) {
            if (test.path("methodName").asText().equals(method)) {
                return test;
            }
        }
        throw new AssertionError("no test " + method + " in " + run.path("tests"));
    }

    private static List<String> phaseNames(JsonNode test) {
        List<String> names = new ArrayList<>();
        test.path("phases").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }
}
