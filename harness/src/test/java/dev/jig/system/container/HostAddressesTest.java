package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostAddressesTest {

    @Test
    void loopbackAddressesInArgsAndEnvBecomeTheTestHostAndNameThePortsToExpose() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BANK_URL", "http://localhost:8081/api");
        env.put("UNSET", null);
        HostAddresses host = HostAddresses.rewrite(List.of("--bank", "127.0.0.1:9000", "--port", "8080"), env);

        assertThat(host.args()).containsExactly("--bank", "host.testcontainers.internal:9000", "--port", "8080");
        assertThat(host.env()).containsEntry("BANK_URL", "http://host.testcontainers.internal:8081/api")
                .containsEntry("UNSET", null);
        assertThat(host.hostPorts()).containsExactly(8081, 9000);
    }

    @Test
    void otherHostsAndLookAlikesStayAsTheyAre() {
        HostAddresses host = HostAddresses.rewrite(
                List.of("10.127.0.0.1:80", "db.localhost:5432", "mylocalhost:1", "127.0.0.1", "localhost:99999"),
                Map.of());

        assertThat(host.args()).containsExactly(
                "10.127.0.0.1:80", "db.localhost:5432", "mylocalhost:1", "127.0.0.1", "localhost:99999");
        assertThat(host.hostPorts()).isEmpty();
    }

    @Test
    void loopbackNamedWithoutItsPortIsReportedWhereItStands() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BANK_HOST", "localhost");
        env.put("BANK_URL", "http://localhost:8081/api");
        HostAddresses host = HostAddresses.rewrite(List.of("--bank", "127.0.0.1", "4711", "db.localhost"), env);

        assertThat(host.bareLoopback()).containsExactly("argument 2", "environment variable BANK_HOST");
        assertThat(host.args()).containsExactly("--bank", "127.0.0.1", "4711", "db.localhost");
    }
}
