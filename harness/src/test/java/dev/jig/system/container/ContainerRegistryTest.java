package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.leftover.HostIdentity;
import dev.jig.system.Ready;
import dev.jig.system.ReapedSystem;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void onlyContainersOfThisHostWhoseJvmIsGoneAreRemovedOnASharedEngine() throws Exception {
        String image = TestImages.busybox().build();
        String deadJvm = deadPid() + "@2001-01-01T00:00:00Z";
        DockerContainer otherHost = planted(image, deadJvm, "0000000000000000-other-boot-4026531999", "other-host");
        DockerContainer earlierJig = planted(image, deadJvm, null, "earlier-jig");
        DockerContainer thisHost = planted(image, deadJvm, HostIdentity.current().token(), "this-host");
        try {
            assertThat(SystemRegistry.at(registryDir).reapLeftovers()).extracting(ReapedSystem::id)
                    .contains(thisHost.id()).doesNotContain(otherHost.id(), earlierJig.id());

            assertThat(Dockers.exists(thisHost.id())).as("this host's, its JVM gone").isFalse();
            assertThat(Dockers.exists(otherHost.id())).as("another host's on the shared engine").isTrue();
            assertThat(Dockers.exists(earlierJig.id())).as("no host label: Jig before 0.3").isTrue();
        } finally {
            otherHost.remove();
            earlierJig.remove();
            thisHost.remove();
        }
    }

    /** A container as another run would have made it: the owner a dead JVM, on {@code host} (null: no label). */
    private static DockerContainer planted(String image, String owner, String host, String name) {
        Map<String, String> labels = new java.util.HashMap<>(Map.of(DockerContainer.OWNER_LABEL, owner,
                DockerContainer.NAME_LABEL, name));
        if (host != null) {
            labels.put(DockerContainer.HOST_LABEL, host);
        }
        DockerContainer container = DockerContainer.create(image, List.of("sleep", "300"), Map.of(), null, labels,
                frame -> { }, false, -1, -1);
        container.start();
        return container;
    }

    private static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
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
