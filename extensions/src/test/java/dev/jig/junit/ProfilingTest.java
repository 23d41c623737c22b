package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.fixtures.ProfiledTestCase;
import dev.jig.junit.internal.ProfileSettings;
import dev.jig.profile.ProfileMode;
import dev.jig.profile.SampleEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProfilingTest {

    @TempDir
    Path reportDir;

    @Test
    void aProfiledTestRecordsItsExactProfileAndItsSystemsProfile() throws Exception {
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(ProfiledTestCase.class))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .build());
        }
        JsonNode run = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
        JsonNode crunches = testNamed(run, "crunches");
        assertThat(crunches.path("status").asText()).isEqualTo("passed");
        JsonNode fib = crunches.path("profile").path("exact").path("flat").get(0);
        assertThat(fib.path("method").asText()).isEqualTo("dev.jig.junit.fixtures.work.Crunch.fib");
        assertThat(fib.path("calls").asLong()).isEqualTo(1973);
        assertThat(crunches.path("profile").path("exact").path("overheadSubtracted").asBoolean()).isTrue();
        assertThat(crunches.path("profile").has("sampled")).isFalse();
        JsonNode system = crunches.path("systemProfiles").get(0);
        assertThat(system.path("system").asText()).isEqualTo("relay");
        assertThat(system.path("kind").asText()).isEqualTo("jfr");
        assertThat(system.path("cpuNanos").asLong()).isPositive();

        JsonNode sampled = testNamed(run, "sampledWithSetup").path("profile");
        assertThat(sampled.has("exact")).isFalse();
        assertThat(sampled.path("sampled").path("intervalNanos").asLong()).isEqualTo(5_000_000L);
    }

    @Test
    void theTopMethodsArePublishedAsAReportEntry() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ProfiledTestCase.class, "crunches", FrameworkTypes.CLIENT))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        Events events = results.allEvents();
        String entry = events.reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("jig.profile"))
                .filter(v -> v != null).findFirst().orElseThrow();
        assertThat(entry).startsWith("Exact profile of crunches(FramedClient): 1,973 calls")
                .contains("ncalls", "tottime", "cumtime", "dev.jig.junit.fixtures.work.Crunch.fib");
    }

    @Test
    void aMethodsOwnProfileReplacesTheClasssAndRunsOnce() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ProfiledTestCase.class, "sampledWithSetup")).execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("jig.profile"))
                .filter(v -> v != null))
                .singleElement().asString().startsWith("Sampled profile of sampledWithSetup()");
    }

    @Test
    void configurationKeysApplyWhereTheAnnotationIsSilent() {
        Map<String, String> keys = Map.of(ProfileSettings.ENABLED, "true", ProfileSettings.MODE, "both",
                ProfileSettings.INCLUDE, "com.acme, org.shop", ProfileSettings.INTERVAL, "20ms",
                ProfileSettings.SCOPE, "all");

        ProfileSettings settings = ProfileSettings.resolve(Optional.empty(), "dev.test",
                key -> Optional.ofNullable(keys.get(key))).orElseThrow();

        assertThat(settings.options().mode()).isEqualTo(ProfileMode.BOTH);
        assertThat(settings.options().includes()).containsExactly("com.acme", "org.shop");
        assertThat(settings.options().interval()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings.wholeTest()).isTrue();
        assertThat(ProfileSettings.resolve(Optional.empty(), "dev.test", key -> Optional.empty())).isEmpty();
    }

    @Test
    void theAnnotationsEventWinsOverTheKey() throws Exception {
        Map<String, String> keys = Map.of(ProfileSettings.EVENT, "alloc");
        Profile wall = Annotated.class.getDeclaredMethod("wall").getAnnotation(Profile.class);
        Profile silent = Annotated.class.getDeclaredMethod("silent").getAnnotation(Profile.class);

        assertThat(ProfileSettings.resolve(Optional.of(wall), "dev.test", key -> Optional.ofNullable(keys.get(key)))
                .orElseThrow().options().event()).isEqualTo(SampleEvent.WALL);
        assertThat(ProfileSettings.resolve(Optional.of(silent), "dev.test",
                key -> Optional.ofNullable(keys.get(key))).orElseThrow().options().event()).isEqualTo(SampleEvent.ALLOC);
        assertThat(ProfileSettings.resolve(Optional.of(silent), "dev.test", key -> Optional.empty())
                .orElseThrow().options().event()).isEqualTo(SampleEvent.CPU);
    }

    @Test
    void anUnknownEventInTheAnnotationSaysWhichWouldDo() throws Exception {
        Profile heat = Annotated.class.getDeclaredMethod("heat").getAnnotation(Profile.class);

        assertThatThrownBy(() -> ProfileSettings.resolve(Optional.of(heat), "dev.test", key -> Optional.empty()))
                .isInstanceOf(JigConfigurationException.class)
                .hasMessage("@Profile(event)='heat' is not a sample event; use cpu, wall, alloc or lock.");
    }

    @Test
    void badConfigurationSaysWhatWouldWork() {
        assertThatThrownBy(() -> ProfileSettings.resolve(Optional.empty(), "dev.test",
                key -> Optional.ofNullable(Map.of(ProfileSettings.ENABLED, "true", ProfileSettings.MODE, "fast")
                        .get(key))))
                .isInstanceOf(JigConfigurationException.class)
                .hasMessage("jig.profile.mode=fast is not a mode; use exact, sampled or both.");
        assertThatThrownBy(() -> ProfileSettings.resolve(Optional.empty(), "dev.test",
                key -> Optional.ofNullable(Map.of(ProfileSettings.ENABLED, "true", ProfileSettings.INTERVAL, "0")
                        .get(key))))
                .isInstanceOf(JigConfigurationException.class)
                .hasMessageContaining("10ms");
    }

    private static JsonNode testNamed(JsonNode run, String method) {
        for (JsonNode test : run.path("tests")) {
            if (test.path("methodName").asText().equals(method)) {
                return test;
            }
        }
        throw new AssertionError("no test " + method + " in " + run.path("tests"));
    }

    /** Methods carrying the annotations the settings are resolved from. */
    private static final class Annotated {
        @Profile(mode = Profile.Mode.SAMPLED, event = "wall")
        void wall() {
        }

        @Profile(mode = Profile.Mode.SAMPLED)
        void silent() {
        }

        @Profile(mode = Profile.Mode.SAMPLED, event = "heat")
        void heat() {
        }
    }

    /** The parameter types of {@code crunches}, for selectMethod. */
    private static final class FrameworkTypes {
        static final String CLIENT = "dev.jig.client.FramedClient";
    }
}
