package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.junit.fixtures.truth.StopOrderTestCase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Independent resources stop in parallel; a resource stops only after everything that needs it has stopped. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StopOrderTest {

    @TempDir
    Path reportDir;

    @Test
    void independentSystemsStopTogetherAndAChainStopsInReverseDependencyOrder() {
        SessionRun run = SessionRun.of(reportDir, Map.of(), StopOrderTestCase.class);
        Map<String, long[]> stops = new HashMap<>();
        for (JsonNode phase : run.test("runs").path("phases")) {
            String name = phase.path("name").asText();
            if (name.startsWith("stop ")) {
                long start = phase.path("startNanos").asLong();
                stops.put(name.substring(5), new long[] {start, start + phase.path("durationNanos").asLong()});
            }
        }
        assertThat(stops).containsOnlyKeys("upstream", "link", "relay", "echo");
        assertThat(stops.get("relay")[1]).as("relay stopped before its link").isLessThanOrEqualTo(stops.get("link")[0]);
        assertThat(stops.get("link")[1]).as("the link before its upstream")
                .isLessThanOrEqualTo(stops.get("upstream")[0]);
        // Both JVMs take ~300 ms to exit: stopped one after the other, these spans could not overlap.
        assertThat(stops.get("echo")[0]).as("echo stops while relay does").isLessThan(stops.get("relay")[1]);
        assertThat(stops.get("relay")[0]).as("relay stops while echo does").isLessThan(stops.get("echo")[1]);
    }
}
