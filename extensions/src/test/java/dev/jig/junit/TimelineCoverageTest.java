package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jig.junit.fixtures.BenchTestCase;
import dev.jig.junit.fixtures.HttpPerTestTestCase;
import dev.jig.junit.fixtures.ProfiledTestCase;
import dev.jig.junit.fixtures.ProxyTestCase;
import dev.jig.junit.fixtures.RelayTestCase;
import dev.jig.record.PhaseRecord;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import dev.jig.report.PhaseCoverage;
import dev.jig.report.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every millisecond of a test is named: fixture suites with fakes, systems, clients, a proxy, HTTP fakes, exact
 * and sampled profiles and benchmarks run through a real launcher session, and in their results.json the phases
 * of each test cover its duration but for at most 1 ms + 1 %.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TimelineCoverageTest {

    @TempDir
    Path dir;

    @Test
    void thePhasesOfEveryTestCoverItsDuration() {
        RunRecord run = run(ProfiledTestCase.class, RelayTestCase.class, ProxyTestCase.class,
                HttpPerTestTestCase.class, BenchTestCase.class);

        assertThat(run.tests()).hasSizeGreaterThanOrEqualTo(6);
        List<String> unnamed = run.tests().stream().map(PhaseCoverage::of).filter(c -> !c.within(1_000_000, 0.01))
                .map(PhaseCoverage::describe).toList();
        assertThat(unnamed).as("tests with more than 1 ms + 1 %% of unnamed time").isEmpty();
    }

    @Test
    void theProfilersStepsAreNamed() {
        RunRecord run = run(ProfiledTestCase.class);

        List<String> exact = names(run, "crunches");
        assertThat(exact).contains("profile: attach and weave", "profile: measure call cost",
                "profile: stop exact and merge", "profile: record and print", "test body");
        List<String> sampled = names(run, "sampledWithSetup");
        assertThat(sampled).contains("profile: start sampler", "profile: stop sampler", "profile: record and print");
    }

    private static List<String> names(RunRecord run, String method) {
        return run.tests().stream().filter(t -> t.methodName().equals(method)).findFirst().orElseThrow().phases()
                .stream().map(PhaseRecord::name).toList();
    }

    private RunRecord run(Class<?>... classes) {
        Path reportDir = dir.resolve("report");
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("jig.report.dir", reportDir.toString())
                .configurationParameter("jig.bench.baseline.dir", dir.resolve("baselines").toString());
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request.build());
        }
        return ResultsFile.read(reportDir.resolve(ResultsFile.FILE_NAME));
    }
}
