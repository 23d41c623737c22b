package dev.jig.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import dev.jig.system.container.Docker;
import dev.jig.junit.fixtures.ContainerTestCase;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ContainerSystemUnderTestTest {

    @Test
    void aContainerRunsForItsTestAndIsStoppedAfterwardsOrTheClassIsSkippedWithTheReason() {
        Docker.Availability docker = Docker.availability();
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ContainerTestCase.class))
                .execute().containerEvents();

        if (docker.available()) {
            events.assertStatistics(stats -> stats.skipped(0));
            assertThat(ContainerTestCase.last).isNotNull();
            assertThat(ContainerTestCase.last.isAlive()).isFalse();
            assertThat(ContainerTestCase.last.exitCode()).isPresent();
        } else {
            events.assertThatEvents().haveExactly(1, event(skippedWithReason(docker.reason())));
        }
    }

    @Test
    void containerTestsCanBeSwitchedOffByConfiguration() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ContainerTestCase.class))
                .configurationParameter("jig.containers.enabled", "false")
                .execute().containerEvents();

        events.assertThatEvents().haveExactly(1,
                event(skippedWithReason("Container tests are switched off (jig.containers.enabled=false).")));
    }
}
