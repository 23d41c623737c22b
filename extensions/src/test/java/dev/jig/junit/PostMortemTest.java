package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jig.junit.fixtures.truth.PostMortemTestCase;
import dev.jig.junit.fixtures.truth.PostMortemUnforcedTestCase;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Post-mortem: a failed test's resources stay up, reachable, until a continue file says go on. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostMortemTest {

    @TempDir
    Path reportDir;

    private EngineExecutionResults run(Class<?> testCase, String... keyValues) {
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase))
                .configurationParameter("jig.report.dir", reportDir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            kit.configurationParameter(keyValues[i], keyValues[i + 1]);
        }
        return kit.execute();
    }

    @Test
    void aFailedTestsSystemsStayUpAndReachableUntilTheContinueFile() throws Exception {
        CompletableFuture<EngineExecutionResults> running =
                CompletableFuture.supplyAsync(() -> run(PostMortemTestCase.class));
        Path info = reportDir.resolve("post-mortem.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(info) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String text = Files.readString(info);
        assertThat(text)
                .startsWith("post-mortem: fails() failed; its systems, fakes and proxies stay up until you press Enter")
                .contains("create " + reportDir.resolve("continue"))
                .contains("relay (SystemUnderTest) at 127.0.0.1:")
                .contains("upstream (FakeServer) at 127.0.0.1:")
                .contains("listening on port");
        Matcher nc = Pattern.compile("relay \\(SystemUnderTest\\) at [\\d.:]+\\n  reach it: nc 127\\.0\\.0\\.1 (\\d+)")
                .matcher(text);
        assertThat(nc.find()).as(text).isTrue();
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(nc.group(1)))) {
            assertThat(socket.isConnected()).as("the relay still listens").isTrue();
        }
        assertThat(running).isNotDone();

        Files.createFile(reportDir.resolve("continue"));
        EngineExecutionResults results = running.get(30, TimeUnit.SECONDS);
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(reportDir.resolve("continue")).doesNotExist();
    }

    @Test
    void underCiAnUnforcedPostMortemDoesNotWait() {
        EngineExecutionResults results = run(PostMortemUnforcedTestCase.class, "jig.ci", "true");
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(reportDir.resolve("post-mortem.txt")).doesNotExist();
    }

    @Test
    void theKeyHoldsOutsideCiUntilTheTimeout() {
        EngineExecutionResults results = run(dev.jig.junit.fixtures.FailingTestCase.class, "jig.ci", "false",
                "jig.keepOnFailure", "true", "jig.keepOnFailure.timeout", "1 s");
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(reportDir.resolve("post-mortem.txt")).exists();
    }

    @Test
    void aBadKeyValueSaysWhatToWrite() {
        EngineExecutionResults results = run(dev.jig.junit.fixtures.FailingTestCase.class,
                "jig.keepOnFailure", "sometimes");
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
        java.io.StringWriter printed = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(printed));
        assertThat(printed.toString()).contains("jig.keepOnFailure must be true, false or force, got 'sometimes'");
    }
}
