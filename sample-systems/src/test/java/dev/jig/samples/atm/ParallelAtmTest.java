package dev.jig.samples.atm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs both ATM suites at once with JUnit's parallel execution: every test starts its own bank, ATM and
 * client on ephemeral ports, so nothing collides.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ParallelAtmTest {

    @Test
    void bothSuitesPassWhenTestsRunConcurrently() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                // Several JVMs start at once on a small machine: give replies more time than alone.
                .configurationParameter("jig.connect.timeout.millis", "20000")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
                .selectors(selectClass(JavaAtmTest.class), selectClass(PythonAtmTest.class))
                .execute()
                .testEvents();
        assertThat(failures(events)).isEmpty();
        events.assertStatistics(stats -> stats.started(18).succeeded(18).failed(0));
    }

    private static List<String> failures(Events events) {
        return events.failed().stream()
                .map(event -> event.getTestDescriptor().getLegacyReportingName() + ": "
                        + event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                                .map(Object::toString).orElse("?"))
                .toList();
    }
}
