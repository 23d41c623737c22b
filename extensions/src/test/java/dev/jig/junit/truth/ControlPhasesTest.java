package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.junit.fixtures.truth.ControlTestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a test does to a system mid-test is on that test's timeline, even for a class-wide system. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlPhasesTest {

    @TempDir
    static Path reportDir;

    static SessionRun run;

    @BeforeAll
    static void runFixture() {
        run = SessionRun.of(reportDir, Map.of(), ControlTestCase.class);
    }

    @Test
    void signalKillAndRestartOfAStaticSystemArePhasesOfTheTest() {
        JsonNode test = run.test("signalsKillsAndRestarts");
        assertThat(test.path("status").asText()).isEqualTo("passed");
        List<String> phases = new ArrayList<>();
        test.path("phases").forEach(phase -> phases.add(phase.path("name").asText()));
        assertThat(phases).containsSubsequence("signal HUP sys", "kill sys", "restart sys", "start sys", "ready sys");
    }

    @Test
    void theClassRecordOfTheSystemCountsTheRestartAndHowItEnded() {
        JsonNode sys = run.classEntry(ControlTestCase.class).path("processes").get(0);
        assertThat(sys.path("name").asText()).isEqualTo("sys");
        assertThat(sys.path("restarts").asInt()).isEqualTo(1);
        assertThat(sys.path("ended").asText()).isEqualTo("stopped");
    }
}
