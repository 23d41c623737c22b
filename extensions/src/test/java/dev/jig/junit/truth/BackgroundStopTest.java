package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.junit.fixtures.truth.TwoSystemTestsTestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Systems stopping in the background still put their exit code, output and stop phase into their test's record. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BackgroundStopTest {

    @TempDir
    Path reportDir;

    @Test
    void backgroundStopsReachTheRecordBeforeTheReportIsWritten() {
        SessionRun run = SessionRun.of(reportDir, Map.of("jig.stop.background", "true"), TwoSystemTestsTestCase.class);

        for (String method : new String[] {"first", "second"}) {
            JsonNode test = run.test(method);
            assertThat(test.path("status").asText()).isEqualTo("passed");
            JsonNode relay = test.path("processes").get(0);
            assertThat(relay.path("name").asText()).isEqualTo("relay");
            assertThat(relay.path("exitCode").asInt()).as("stopped politely").isEqualTo(143);
            assertThat(relay.path("output").toString()).contains("listening on port");
            List<String> phases = new ArrayList<>();
            test.path("phases").forEach(p -> phases.add(p.path("name").asText()));
            assertThat(phases).contains("start relay", "ready relay", "test body", "stop relay");
        }
    }

    @Test
    void theDeclarationsSwitchStopsAStaticSystemInTheBackgroundAndTheClassRecordStillGetsIt() {
        SessionRun run = SessionRun.of(reportDir, Map.of(), TwoSystemTestsTestCase.class);

        JsonNode entry = run.classEntry(TwoSystemTestsTestCase.class);
        JsonNode shared = entry.path("processes").get(0);
        assertThat(shared.path("name").asText()).isEqualTo("shared");
        assertThat(shared.path("exitCode").asInt()).isEqualTo(143);
        assertThat(entry.path("phases").toString()).contains("\"stop shared\"");
    }
}
