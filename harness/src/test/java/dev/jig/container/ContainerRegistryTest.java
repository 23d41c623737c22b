package dev.jig.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.process.ProcessRegistry;
import dev.jig.process.ProcessSpec;
import dev.jig.process.Ready;
import dev.jig.process.SystemProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ContainerRegistryTest {

    @TempDir
    Path registryDir;
    @TempDir
    Path processRegistryDir;

    @BeforeAll
    static void docker() {
        TestImages.assumeDocker();
    }

    @Test
    void theNextRunRemovesTheContainerOfAKilledJvm() throws Exception {
        String id;
        try (SystemProcess run = ProcessSpec.java("run", ContainerLeftoverMaker.class)
                .args(registryDir.toString())
                .registry(ProcessRegistry.at(processRegistryDir))
                .readyWhen(Ready.logLine("leftover container (\\w+)")).readyTimeout(Duration.ofSeconds(90))
                .start()) {
            id = run.captured().get(0);
            ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly); // no shutdown hook runs
            assertThat(ProcessHandle.of(run.pid()).map(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join()))
                    .isPresent();
        }
        assertThat(Dockers.exists(id)).isTrue();

        assertThat(ContainerRegistry.at(registryDir).reapLeftovers())
                .extracting(ReapedContainer::containerId).containsExactly(id);
        assertThat(Dockers.exists(id)).isFalse();
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void containersOfARunningJvmAreLeftAlone() {
        try (ContainerSystem mine = ContainerSystem.spec("mine", TestImages.busybox()).command("sleep", "300")
                .stopGrace(Duration.ofSeconds(1)).registry(ContainerRegistry.at(registryDir)).start()) {
            assertThat(ContainerRegistry.at(registryDir).reapLeftovers())
                    .extracting(ReapedContainer::containerId).doesNotContain(mine.containerId());
            assertThat(mine.isAlive()).isTrue();
        }
    }
}
