package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.system.Ready;
import dev.jig.system.SystemContract;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import dev.jig.system.SystemStartException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system contract on the container backend: the scripts run in a busybox image on a bridge network, the
 * default ({@link ContainerHostSystemContractTest} runs them on the host's network).
 */
class ContainerSystemContractTest extends SystemContract {

    @BeforeAll
    static void docker() {
        TestImages.assumeDocker();
    }

    @Override
    protected SystemSpec shell(String name, String script) {
        return busyboxShell(name, script, registryDir);
    }

    /** {@code sh -c script} in the busybox image, registered in {@code registryDir}, on the default network. */
    static SystemSpec busyboxShell(String name, String script, java.nio.file.Path registryDir) {
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

    /**
     * On a bridge only a port known before the start is published, so a port first named in a log line cannot be
     * reached: the start fails saying what to do, and nothing is left.
     */
    @Override
    @Test
    protected void logLineReadinessCapturesGroupsAndTheNamedPort() {
        SystemSpec spec = shell("atm", "echo starting; echo 'atm-7 listening on port 4711'; exec sleep 300")
                .readyWhen(Ready.logLine("(?<who>\\S+) listening on port (?<port>\\d+)"));

        assertThatThrownBy(spec::start)
                .isInstanceOf(SystemStartException.class)
                .hasMessageContaining("atm listens on port 4711 inside its container, which runs on a bridge network")
                .hasMessageContaining("port(4711)")
                .hasMessageContaining("SystemSpec.FREE_PORT")
                .hasMessageContaining("hostNetwork()");
        assertThat(Dockers.containersNamed("atm")).isEmpty();
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void aPortCapturedFromTheLogIsReachedWhenItWasDeclared() throws Exception {
        try (var atm = shell("atm", "echo 'listening on port 4711'; exec httpd -f -p 4711").port(4711)
                .readyWhen(Ready.all(Ready.logLine("listening on port (\\d+)"), Ready.port())).start();
             var socket = connect(atm)) {
            assertThat(atm.port()).hasValue(4711);
            assertThat(atm.address()).doesNotEndWith(":4711"); // the mapped host port
            assertThat(socket.isConnected()).isTrue();
        }
    }
}
