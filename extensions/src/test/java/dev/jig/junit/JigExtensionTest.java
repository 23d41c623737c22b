package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.jig.junit.fixtures.EndpointFieldTestCase;
import dev.jig.junit.fixtures.FailingTestCase;
import dev.jig.junit.fixtures.ForeignEndpointTestCase;
import dev.jig.junit.fixtures.NeverReadyTestCase;
import dev.jig.junit.fixtures.ProtocolErrorTestCase;
import dev.jig.junit.fixtures.RelayTestCase;
import dev.jig.junit.fixtures.UnknownTargetTestCase;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JigExtensionTest {

    private static Events run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute().testEvents();
    }

    private static Throwable onlyFailure(Events events) {
        return events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
    }

    @Test
    void startsWhatASystemNeedsFirstEvenWhenDeclaredAfterIt() {
        run(RelayTestCase.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void failureMessageNamesTheOutputTailAndTheUnmatchedRequests() {
        Events events = run(FailingTestCase.class);
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(events);
        assertThat(failure).isInstanceOf(org.opentest4j.AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("the answer ==> expected: <expected> but was: <actual>")
                .contains("--- Jig: the systems and fakes of this test ---")
                .contains("relay (pid ")
                .contains("lines of output:")
                .contains("listening on port")
                .contains("upstream (fake at 127.0.0.1:")
                .contains("1 unmatched requests")
                .contains("{\"what\":\"unexpected\"}");
        assertThat(((org.opentest4j.AssertionFailedError) failure).getExpected().getValue()).isEqualTo("expected");
        assertFalse(FailingTestCase.upstream.isRunning(), "the static fake must be stopped after the class");
    }

    @Test
    void systemThatExitsBeforeReadyFailsTheTestAndStopsWhatStarted() {
        Events events = run(NeverReadyTestCase.class);
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(events);
        assertThat(failure.getMessage())
                .contains("relay exited with code 3")
                .contains("relay: cannot start, configuration is broken");
        assertNotNull(NeverReadyTestCase.lastUpstream, "the fake was started for the relay's arguments");
        assertFalse(((FakeServer) NeverReadyTestCase.lastUpstream).isRunning(), "the fake must be stopped again");
    }

    @Test
    void connectToAnUnknownNameSaysWhatIsDeclared() {
        Events events = run(UnknownTargetTestCase.class);
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(events);
        assertThat(failure).hasMessageEndingWith("@Connect(\"atm\"): UnknownTargetTestCase declares no system, "
                + "fake TCP server or proxy named 'atm'. Declared: bank.");
        assertThat(failure.getCause()).isInstanceOf(JigConfigurationException.class);
    }

    @Test
    void aFieldDeclaredAsAnEndpointIsStartedLikeItsDeclaration() {
        run(EndpointFieldTestCase.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anEndpointFieldHoldingSomethingElseIsAClearError() {
        Throwable failure = onlyFailure(run(ForeignEndpointTestCase.class));
        assertThat(failure).hasMessageContaining("Field ForeignEndpointTestCase.stranger is a Endpoint but holds a ")
                .hasMessageContaining("which Jig cannot start");
    }

    @Test
    void protocolErrorsFailTheTestAfterTeardownUnlessTaken() {
        Events ignored = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ProtocolErrorTestCase.class, "ignoresGarbage")).execute().testEvents();
        ignored.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(ignored).getMessage())
                .startsWith("After the test, test ignoresGarbage() reported:")
                .contains("bank received malformed input on connection 1: UNDECODABLE")
                .contains("take them in the test with bank.takeProtocolErrors()");

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ProtocolErrorTestCase.class, "takesGarbage")).execute().testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }
}
