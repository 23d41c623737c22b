package dev.jig.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.process.ProcessExitedException;
import dev.jig.process.ProcessSpec;
import dev.jig.process.ProcessStartException;
import dev.jig.process.ReadinessTimeoutException;
import dev.jig.process.Ready;
import dev.jig.record.OutputLine;
import dev.jig.record.PhaseRecord;
import dev.jig.record.ProcessRecord;
import dev.jig.record.Timeline;
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

@Timeout(120)
class ContainerSystemTest {

    @TempDir
    Path registryDir;

    @BeforeAll
    static void docker() {
        TestImages.assumeDocker();
    }

    private ContainerSpec sh(String name, String script) {
        return ContainerSystem.spec(name, TestImages.busybox())
                .command("sh", "-c", script)
                .registry(ContainerRegistry.at(registryDir))
                .stopGrace(Duration.ofSeconds(1));
    }

    @Test
    void logLineReadinessCapturesThePortAndOutputIsKeptLineByLine() {
        try (ContainerSystem atm = sh("atm", "echo starting; echo 'listening on port 4711'; echo oops >&2; exec sleep 300")
                .readyWhen(Ready.logLine("listening on port (\\d+)")).start()) {
            assertThat(atm.port()).hasValue(4711);
            assertThat(atm.address()).isEqualTo("127.0.0.1:4711");
            assertThat(atm.captured()).containsExactly("4711");
            assertThat(atm.isAlive()).isTrue();
            OutputLine oops = atm.output().awaitLine("oops", Duration.ofSeconds(10));
            assertThat(oops.stream()).isEqualTo(OutputLine.Stream.ERR);
            // Docker delivers stdout and stderr as two streams: order holds within each, not across them.
            assertThat(atm.output().lines()).filteredOn(line -> line.stream() == OutputLine.Stream.OUT)
                    .extracting(OutputLine::text).startsWith("starting", "listening on port 4711");
        }
    }

    @Test
    void exitWhileWaitingFailsAtOnceWithTheExitCodeTheConditionAndTheLastLines() {
        ContainerSpec spec = sh("atm", "echo cannot reach the bank >&2; exit 3")
                .readyWhen(Ready.logLine("listening").within(Duration.ofSeconds(60)));
        long started = System.nanoTime();

        assertThatThrownBy(spec::start)
                .isInstanceOfSatisfying(ProcessExitedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.record()).get().satisfies(r -> {
                        assertThat(r.kind()).isEqualTo(ProcessRecord.CONTAINER);
                        assertThat(r.exitCode()).isEqualTo(3);
                    });
                })
                .hasMessageContaining("atm exited with code 3 while Jig waited for a log line matching 'listening'")
                .hasMessageContaining("err cannot reach the bank");
        // Well before the 60 s condition: the exit ended the wait.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(Dockers.containersNamed("atm")).isEmpty();
    }

    @Test
    void notReadyInTimeFailsNamingTheContainerAndRemovesIt() {
        ContainerSpec spec = sh("slow", "echo thinking; exec sleep 300")
                .readyWhen(Ready.logLine("listening")).readyTimeout(Duration.ofMillis(800));

        assertThatThrownBy(spec::start)
                .isInstanceOf(ReadinessTimeoutException.class)
                .hasMessageStartingWith("slow was not ready within 800 ms: waited for a log line matching 'listening'. "
                        + "It was still running (container ")
                .hasMessageContaining(" out thinking");
        assertThat(Dockers.containersNamed("slow")).isEmpty();
    }

    @Test
    void portReadinessReachesTheContainerOnTheSharedHostNetwork() throws Exception {
        Timeline timeline = Timeline.startingNow();
        try (ContainerSystem web = ContainerSystem.spec("web", TestImages.busybox())
                .command("httpd", "-f", "-p").args(ProcessSpec.FREE_PORT)
                .registry(ContainerRegistry.at(registryDir))
                .readyWhen(Ready.port()).start(timeline)) {
            try (Socket socket = new Socket(web.host(), web.port().getAsInt())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
        assertThat(timeline.phases()).extracting(PhaseRecord::name).containsSubsequence("image web", "start web", "ready web");
    }

    @Test
    void aServerOnHostLoopbackIsReachableFromInsideWithTheAddressPassedAsIs() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Supplier<String> address = () -> "127.0.0.1 " + fake.getLocalPort();
            try (ContainerSystem client = sh("client", "echo hello from inside | nc $0; exec sleep 300")
                    .args(address).start()) {
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
    void stopIsPoliteFirstThenRemovesAndRecordsTheContainer() {
        ContainerSystem atm = sh("atm", "trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.1; done")
                .readyWhen(Ready.logLine("ready")).start();
        String id = atm.containerId();

        assertThat(atm.stop()).isZero();
        assertThat(atm.stop()).isZero(); // idempotent
        assertThat(atm.isAlive()).isFalse();
        assertThat(atm.output().lines()).extracting(OutputLine::text).contains("bye");
        assertThat(Dockers.exists(id)).isFalse();
        ProcessRecord record = atm.toRecord();
        assertThat(record.kind()).isEqualTo("container");
        assertThat(record.image()).startsWith("jig/test-busybox:");
        assertThat(record.exitCode()).isZero();
        assertThat(record.command()).containsExactly("sh", "-c",
                "trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.1; done");
        assertThat(record.output()).anySatisfy(line -> assertThat(line).endsWith(" out ready"));
        assertThat(registryDir).isEmptyDirectory();
    }

    @Test
    void aContainerThatIgnoresTheStopSignalIsKilledAfterTheGrace() {
        ContainerSystem sleeper = sh("sleeper", "exec sleep 300").start(); // sleep as PID 1 ignores SIGTERM
        assertThat(sleeper.stop()).isEqualTo(137);
        assertThat(sleeper.exitCode()).hasValue(137);
    }

    @Test
    void aProcessPredicateOnAContainerFailsAtOnceSayingWhatToUseInstead() {
        ContainerSpec spec = sh("atm", "exec sleep 300").readyWhen(Ready.when("a file", process -> true));

        assertThatThrownBy(spec::start)
                .isInstanceOf(ProcessStartException.class)
                .hasMessageContaining("checks a SystemProcess, but atm is not one")
                .hasMessageContaining("Ready.when(\"a file\", () -> ...)");
    }

    @Test
    void aMissingImageFailsWithWhatToCheck() {
        ContainerSpec spec = ContainerSystem.spec("ghost", "jig/no-such-image:never")
                .registry(ContainerRegistry.at(registryDir));

        assertThatThrownBy(spec::start)
                .isInstanceOf(ContainerStartException.class)
                .hasMessageStartingWith("Could not start ghost from image jig/no-such-image:never: it is not present "
                        + "locally and could not be pulled")
                .hasMessageContaining("docker build -t jig/no-such-image:never <dir>");
    }
}
