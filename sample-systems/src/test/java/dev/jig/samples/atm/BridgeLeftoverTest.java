package dev.jig.samples.atm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import dev.jig.junit.RequiresDocker;
import dev.jig.system.ReapedSystem;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * kill -9 of a JVM whose container ran on a bridge: the next run removes the container and also the SSH container
 * Testcontainers started for it to reach the test host, which carries none of Jig's labels.
 */
@RequiresDocker
@Timeout(240)
class BridgeLeftoverTest {

    @TempDir
    Path registryDir;
    @TempDir
    Path makerRegistryDir;

    @Test
    void theNextRunRemovesTheContainerAndItsPortForwardingHelper() throws Exception {
        String container;
        String session;
        try (RunningSystem run = SystemSpec.java("run", BridgeLeftoverMaker.class)
                .args(registryDir.toString())
                .registry(SystemRegistry.at(makerRegistryDir))
                .readyWhen(Ready.logLine("leftover container (\\w+) session (\\S+)"))
                .readyTimeout(Duration.ofSeconds(180))
                .start()) {
            container = run.captured().get(0);
            session = run.captured().get(1);
            ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly); // no shutdown hook runs
            assertThat(ProcessHandle.of(run.pid()).map(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join()))
                    .isPresent();
        }
        List<String> helpers = helpersOf(session);
        assertThat(helpers).as("Testcontainers' SSH container of the killed run").hasSize(1);

        assertThat(SystemRegistry.at(registryDir).reapLeftovers()).extracting(ReapedSystem::id)
                .contains(container, helpers.get(0));

        assertThat(helpersOf(session)).isEmpty();
        assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withIdFilter(List.of(container)).exec()).isEmpty();
        assertThat(registryDir).isEmptyDirectory();
    }

    private static List<String> helpersOf(String session) {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, session)).exec()
                .stream().filter(c -> c.getImage() != null && c.getImage().startsWith("testcontainers/sshd"))
                .map(Container::getId).toList();
    }
}
