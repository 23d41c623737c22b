package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.system.SystemContract;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The system contract on the container backend: the scripts run in a busybox image, on the network of a subclass. */
abstract class ContainerContract extends SystemContract {

    @BeforeAll
    static void docker() {
        TestImages.assumeDocker();
    }

    /** {@code sh -c script} in the busybox image, registered in the test's registry, on the default network. */
    protected SystemSpec busyboxShell(String name, String script) {
        return SystemSpec.image(name, TestImages.busybox()).args("sh", "-c", script)
                .registry(SystemRegistry.at(registryDir)).stopGrace(Duration.ofSeconds(1));
    }

    @Override
    protected String kind() {
        return "container";
    }

    @Override
    protected void assertNothingLeft(String name, List<Long> pids) {
        assertThat(Dockers.containersNamed(name)).isEmpty();
    }
}
