package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.system.Ready;
import dev.jig.system.SystemSpec;
import dev.jig.system.SystemStartException;
import org.junit.jupiter.api.Test;

/**
 * The system contract on the container backend on a bridge network, the default ({@link
 * ContainerHostSystemContractTest} runs it on the host's network).
 */
class ContainerSystemContractTest extends ContainerContract {

    @Override
    protected SystemSpec shell(String name, String script) {
        return busyboxShell(name, script);
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
