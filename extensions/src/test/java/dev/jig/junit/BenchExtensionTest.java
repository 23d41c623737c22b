package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.fixtures.BenchCompareTestCase;
import dev.jig.junit.fixtures.BenchTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the benchmark fixture through a real launcher session and reads results.json and the baselines. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchExtensionTest {

    @TempDir
    Path dir;

    @AfterEach
    void noSlowdown() {
        BenchTestCase.slowdown = 1;
    }

    private JsonNode run(Map<String, String> parameters) throws Exception {
        return run(BenchTestCase.class, parameters);
    }

    private JsonNode run(Class<?> testClass, Map<String, String> parameters) throws Exception {
        Path reportDir = dir.resolve("report");
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass))
                    .configurationParameter("jig.report.dir", reportDir.toString())
                    .configurationParameter("jig.bench.baseline.dir", dir.resolve("baselines").toString())
                    .configurationParameters(parameters)
                    .build());
        }
        return new ObjectMapper().readTree(reportDir.resolve("results.json").toFile()).path("tests").get(0);
    }

    @Test
    void benchIsInjectedAndItsBenchmarksAreRecordedWithGroupAndOptions() throws Exception {
        JsonNode test = run(Map.of());

        assertThat(test.path("status").asText()).isEqualTo("passed");
        JsonNode benchmarks = test.path("benchmarks");
        assertThat(benchmarks).hasSize(2);
        JsonNode first = benchmarks.get(0);
        assertThat(first.path("name").asText()).isEqualTo("short");
        assertThat(first.path("group").asText()).isEqualTo("spin");
        assertThat(first.path("source").asText()).isEqualTo("bench");
        assertThat(first.path("stats").path("rounds").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(first.path("relative").asDouble()).isEqualTo(1.0);
        assertThat(benchmarks.get(1).path("relative").asDouble()).isGreaterThan(1.5);
        assertThat(first.has("baseline")).isFalse();
    }

    @Test
    void identicalRunPassesAgainstItsBaselineAndASlowdownFailsNamingIt() throws Exception {
        // First, unsaved runs bring the JIT to the state of the runs compared later (all share this JVM): in a JVM's
        // first seconds the calibration loop itself runs up to 3 times slower, then faster, while the compilers
        // work. The threshold is wide because this machine is shared, and the slowdown (8 times the work) is far
        // beyond it. The median, because a mean's noise grows with every preempted round, and a run too noisy to
        // judge passes.
        for (int i = 0; i < 3; i++) {
            run(Map.of());
        }
        run(Map.of("jig.bench.save", "before"));
        try (Stream<Path> saved = Files.walk(dir.resolve("baselines"))) {
            assertThat(saved.filter(p -> p.toString().endsWith("before.json"))).hasSize(1);
        }

        JsonNode same = run(Map.of("jig.bench.compare", "before"));
        assertThat(same.path("status").asText()).as("identical run: %s", same.path("failure")).isEqualTo("passed");
        JsonNode comparison = same.path("benchmarks").get(1).path("baseline");
        assertThat(comparison.path("baselineId").asText()).isEqualTo("before");
        assertThat(comparison.path("method").asText()).isEqualTo("calibrated");
        assertThat(comparison.path("runs").asInt()).isEqualTo(1);
        assertThat(comparison.path("threshold").asText()).isEqualTo("median:100%");

        BenchTestCase.slowdown = 8;
        JsonNode slower = run(Map.of("jig.bench.compare", "latest"));
        assertThat(slower.path("status").asText()).as("slower run: %s", slower.path("benchmarks")).isEqualTo("failed");
        assertThat(slower.path("failure").path("message").asText())
                .startsWith("benchmark 'long' in BenchTestCase#spins is ")
                .contains("slower than baseline 'before'")
                .contains("threshold median:100%, calibrated, machine ");
        assertThat(slower.path("benchmarks").get(1).path("baseline").path("regression").asBoolean()).isTrue();
        // A regression is a close call: measured again, with fresh loops, before it failed the test.
        assertThat(slower.path("benchmarks").get(1).path("warnings").toString())
                .contains("times: a close call against the baseline");
        assertThat(same.path("benchmarks").get(1).path("warnings").toString()).doesNotContain("close call");
    }

    @Test
    void aComparisonOfTwoVersionsTakesTheConfiguredThreshold() throws Exception {
        JsonNode strict = run(BenchCompareTestCase.class, Map.of());
        assertThat(strict.path("status").asText()).as("twice the work, median:5%%").isEqualTo("failed");
        assertThat(strict.path("failure").path("message").asText()).startsWith("benchmark 'spin' in ");

        JsonNode wide = run(BenchCompareTestCase.class, Map.of("jig.bench.threshold.spin", "median:400%"));
        assertThat(wide.path("status").asText()).as("twice the work, median:400%%: %s", wide.path("failure"))
                .isEqualTo("passed");
        JsonNode verdict = wide.path("benchmarks").get(0).path("baseline");
        assertThat(verdict.path("method").asText()).isEqualTo("interleaved");
        assertThat(verdict.path("threshold").asText()).isEqualTo("median:400%");
        assertThat(verdict.path("deltaPercent").asDouble()).isGreaterThan(30);
    }

    @Test
    void comparingWithARunNeverSavedFailsSayingHowToSaveOne() throws Exception {
        JsonNode test = run(Map.of("jig.bench.compare", "nope"));

        assertThat(test.path("status").asText()).isEqualTo("failed");
        assertThat(test.path("failure").path("message").asText())
                .startsWith("jig.bench.compare=nope but no saved benchmark run 'nope' exists in ")
                .contains("-Djig.bench.save=<id>");
    }

    @Test
    void aBadConfigurationValueFailsNamingTheKey() throws Exception {
        JsonNode test = run(Map.of("jig.bench.maxTime", "soon"));

        assertThat(test.path("status").asText()).isEqualTo("failed");
        assertThat(test.path("failure").path("message").asText())
                .contains("jig.bench.maxTime is 'soon'; expected a duration like 500ms");
    }
}
