package dev.jig.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.process.ProcessRegistry;
import dev.jig.process.ProcessSpec;
import dev.jig.process.Ready;
import dev.jig.process.SystemProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class DockerAvailabilityTest {

    @TempDir
    Path registryDir;

    @Test
    void withoutAnEngineTheReasonSaysWhatWasTriedAndWhatToDo() {
        // A fresh JVM: availability is asked once per JVM, and the environment is the test's choice.
        try (SystemProcess probe = ProcessSpec.java("probe", DockerProbeMain.class)
                .env("DOCKER_HOST", "unix:///nonexistent/docker.sock")
                .env("TESTCONTAINERS_HOST_OVERRIDE", "localhost") // else, inside a container, that is the reason
                .registry(ProcessRegistry.at(registryDir))
                .readyWhen(Ready.logLine("available=(\\w+) reason=(.*)")).readyTimeout(Duration.ofSeconds(90))
                .start()) {
            assertThat(probe.captured().get(0)).isEqualTo("false");
            assertThat(probe.captured().get(1))
                    .startsWith("Docker is not available: ")
                    .contains("DOCKER_HOST=unix:///nonexistent/docker.sock")
                    .endsWith("Start the engine (e.g. `dockerd > /tmp/dockerd.log 2>&1 &`) or point DOCKER_HOST at one.");
        }
    }

    @Test
    void aSpecFailsClearlyWhenDockerIsMissing() {
        Docker.Availability docker = Docker.availability();
        org.junit.jupiter.api.Assumptions.assumeFalse(docker.available(), "Docker is available here");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContainerSystem.spec("atm", "x").start())
                .isInstanceOf(ContainerStartException.class)
                .hasMessage("Could not start atm in a container: " + docker.reason());
    }
}
