package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.system.Ready;
import dev.jig.system.ReapedSystem;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
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
        try (RunningSystem run = SystemSpec.java("run", ContainerLeftoverMaker.class)
                .args(registryDir.toString())
                .registry(SystemRegistry.at(processRegistryDir))
                .readyWhen(Ready.logLine("leftover container (\\w+)")).readyTimeout(Duration.ofSeconds(90))
                .start()) {
            id = run.captured().get(0);
            ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly); // no shutdown hook runs
            assertThat(ProcessHandle.of(run.pid()).map(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join()))
                    .isPresent();
        }
        assertThat(Dockers.exists(id)).isTrue();

        assertThat(SystemRegistry.at(registryDir).reapLeftovers())
                .extracting(ReapedSystem::id).containsExactly(id);
        assertThat(Dockers.exists(id)).isFalse();
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void containersOfARunningJvmAreLeftAlone() {
        try (RunningSystem mine = SystemSpec.image("mine", TestImages.busybox()).args("sleep", "300")
                .stopGrace(Duration.ofSeconds(1)).registry(SystemRegistry.at(registryDir)).start()) {
            assertThat(SystemRegistry.at(registryDir).reapLeftovers())
                    .extracting(ReapedSystem::id).doesNotContain(mine.containerId().orElseThrow());
            assertThat(mine.isAlive()).isTrue();
        }
    }
}
