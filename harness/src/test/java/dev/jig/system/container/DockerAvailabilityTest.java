package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemLaunchException;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
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
        try (RunningSystem probe = SystemSpec.java("probe", DockerProbeMain.class)
                .env("DOCKER_HOST", "unix:///nonexistent/docker.sock")
                .env("TESTCONTAINERS_HOST_OVERRIDE", "localhost") // else, inside a container, that is the reason
                .registry(SystemRegistry.at(registryDir))
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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemSpec.image("atm", "x").start())
                .isInstanceOf(SystemLaunchException.class)
                .hasMessage("Could not start atm in a container: " + docker.reason());
    }
}
