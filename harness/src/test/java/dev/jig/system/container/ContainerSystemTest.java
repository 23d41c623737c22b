package dev.jig.system.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemLaunchException;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;

@Timeout(120)
class ContainerSystemTest {

    @TempDir
    Path registryDir;

    @BeforeAll
    static void docker() {
        TestImages.assumeDocker();
    }

    private SystemSpec sh(String name, String script) {
        return SystemSpec.image(name, TestImages.busybox())
                .args("sh", "-c", script)
                .registry(SystemRegistry.at(registryDir))
                .stopGrace(Duration.ofSeconds(1));
    }

    @Test
    void aServerOnHostLoopbackIsReachableFromInsideWithTheAddressPassedAsIs() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Supplier<String> address = () -> "127.0.0.1 " + fake.getLocalPort();
            try (RunningSystem client = sh("client", "echo hello from inside | nc $0; exec sleep 300")
                    .hostNetwork().args(address).start()) {
                fake.setSoTimeout(20_000);
                try (Socket accepted = fake.accept(); BufferedReader in = new BufferedReader(
                        new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8))) {
                    assertThat(in.readLine()).isEqualTo("hello from inside");
                }
                assertThat(client.command()).last().asString().startsWith("127.0.0.1 ");
            }
        }
    }

    @Test
    void aUsersOwnContainerRunsWithJigsReadinessOutputAndStop() throws Exception {
        GenericContainer<?> own = new GenericContainer<>(TestImages.busybox().build())
                .withCommand("sh", "-c", "echo serving; exec httpd -f -p 8080").withExposedPorts(8080);
        try (RunningSystem web = SystemSpec.container("web", own).port(8080)
                .registry(SystemRegistry.at(registryDir)).stopGrace(Duration.ofSeconds(1))
                .readyWhen(Ready.all(Ready.logLine("serving"), Ready.port())).start()) {
            assertThat(web.address()).isEqualTo(own.getHost() + ":" + own.getMappedPort(8080));
            try (Socket socket = new Socket(own.getHost(), own.getMappedPort(8080))) {
                assertThat(socket.isConnected()).isTrue();
            }
            assertThat(web.toRecord().kind()).isEqualTo("container");
        }
        assertThat(Dockers.containersNamed("web")).isEmpty();
    }

    @Test
    void aMissingImageFailsWithWhatToCheck() {
        SystemSpec spec = SystemSpec.image("ghost", "jig/no-such-image:never")
                .registry(SystemRegistry.at(registryDir));

        assertThatThrownBy(spec::start)
                .isInstanceOf(SystemLaunchException.class)
                .hasMessageStartingWith("Could not start ghost from image jig/no-such-image:never: it is not present "
                        + "locally and could not be pulled")
                .hasMessageContaining("docker build -t jig/no-such-image:never <dir>");
    }
}
