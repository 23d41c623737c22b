package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.system.SystemContract;
import dev.jig.system.SystemSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The system contract on the container backend on the host's network ({@link SystemSpec#hostNetwork()}), where
 * a port first named in a log line is reached as it is.
 */
class ContainerHostSystemContractTest extends SystemContract {

    @BeforeAll
    static void docker() {
        TestImages.assumeDocker();
    }

    @Override
    protected SystemSpec shell(String name, String script) {
        return ContainerSystemContractTest.busyboxShell(name, script, registryDir).hostNetwork();
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
