package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.jig.client.ConnectionClosedException;
import dev.jig.junit.SystemExitedError;
import dev.jig.junit.fixtures.truth.StubThrowsTestCase;
import dev.jig.junit.fixtures.truth.SystemDiesTestCase;
import dev.jig.junit.fixtures.truth.UnmatchedTcpTestCase;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Every failure message says what the systems did, and fakes are strict. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailureMessageTest {

    private static Events run(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter").selectors(selector).execute().testEvents();
    }

    private static Throwable onlyFailure(Events events) {
        return events.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void aSystemThatDiesMidTestIsTheFirstLine() {
        Events events = run(selectClass(SystemDiesTestCase.class));
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(events);

        assertThat(failure).isInstanceOf(SystemExitedError.class);
        assertThat(failure.getMessage().lines().findFirst().orElseThrow())
                .matches("the system 'echo' exited with code 2 during the test, at \\d\\d:\\d\\d:\\d\\d\\.\\d{3}, "
                        + "(\\d+ ms before the failure|as the test failed)");
        assertThat(failure.getMessage())
                .contains(ConnectionClosedException.class.getName() + ": echo closed the connection")
                .contains("echo (pid ")
                .contains("exited with code 2 at ")
                .contains("err panic: asked to die");
        assertThat(failure.getCause()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ConnectionClosedException.class);
    }

    @Test
    void anAssertionInAStubIsTheTestsFailure() {
        Events events = run(selectClass(StubThrowsTestCase.class));
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(events);

        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("in the stub of fake 'bank' for request #1 {\"text\":\"actual\"}: [the ping the bank got]");
        // AssertJ hands over its representations of the values: quoted strings.
        assertThat(((AssertionFailedError) failure).getExpected().getStringRepresentation()).contains("expected");
        assertThat(((AssertionFailedError) failure).getActual().getStringRepresentation()).contains("actual");
    }

    @Test
    void anUnmatchedTcpRequestFailsTheTestAfterTeardown() {
        Events events = run(selectMethod(UnmatchedTcpTestCase.class, "leavesAnUnmatchedRequest"));
        events.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(events)).isInstanceOf(AssertionError.class).hasMessage(
                "After the test, test leavesAnUnmatchedRequest() reported:\n"
                        + "  - strict received a request no stub matched: #1 conn 1 {\"what\":\"surprise\"}\n"
                        + "  - (expected? take them in the test with strict.takeUnmatched(), or declare strict with "
                        + ".failOnUnmatched(false))");
    }

    @Test
    void takenOrLenientUnmatchedRequestsPass() {
        run(selectMethod(UnmatchedTcpTestCase.class, "takesTheUnmatchedRequest"))
                .assertStatistics(stats -> stats.started(1).succeeded(1));
        run(selectMethod(UnmatchedTcpTestCase.class, "lenientFakeLetsItPass"))
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }
}
