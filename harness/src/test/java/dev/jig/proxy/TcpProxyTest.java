package dev.jig.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.record.PhaseRecord;
import dev.jig.record.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TcpProxyTest {

    private EchoServer echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoAndProxy() throws IOException {
        echo = new EchoServer();
        proxy = TcpProxy.spec("echo-link").target("127.0.0.1", echo.port()).start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWaysAndCountsTheBytes() throws IOException {
        try (Socket client = connect(proxy)) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "again")).isEqualTo("again");
            assertThat(proxy.connections()).isEqualTo(1);
        }
        assertThat(proxy.bytesForwarded(Direction.UPSTREAM)).isEqualTo(10);
        assertThat(proxy.bytesForwarded(Direction.DOWNSTREAM)).isEqualTo(10);
        assertThat(proxy.bytesForwarded(Direction.BOTH)).isEqualTo(20);
    }

    @Test
    void aClientThatFinishesSendingGetsTheTargetsEndOfStream() throws IOException, InterruptedException {
        try (Socket client = connect(proxy)) {
            client.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            assertThat(client.getInputStream().readAllBytes()).isEqualTo("bye".getBytes(StandardCharsets.UTF_8));
        }
        awaitConnections(0);
    }

    /**
     * Each connection's pumps start their threads as it opens; a thread that started after its direction had
     * already finished (the other thread sent the end of stream) used to reset the connection, about 1 in 1,000.
     */
    @Test
    void everyOneOfManyConnectionsThatFinishSendingEndsInOrder() throws IOException, InterruptedException {
        int resets = 0;
        for (int i = 0; i < 2_000; i++) {
            try (Socket client = connect(proxy)) {
                client.getOutputStream().write(("bye " + i).getBytes(StandardCharsets.UTF_8));
                client.shutdownOutput();
                assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("bye " + i);
            } catch (SocketException e) {
                resets++;
            }
        }
        assertThat(resets).as("connections reset instead of ending in order, of 2000").isZero();
        awaitConnections(0);
    }

    @Test
    void latencyDelaysAnOpenConnectionsRoundTripsByAtLeastTheBase() throws IOException {
        try (Socket client = connect(proxy)) {
            roundTrip(client, "warm");
            proxy.latency(Direction.UPSTREAM, Duration.ofMillis(300), Duration.ofMillis(50));

            long start = System.nanoTime();
            assertThat(roundTrip(client, "late")).isEqualTo("late");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

            proxy.heal();
            // The quickest of five: one round trip that a loaded machine stalls does not make the latency look kept.
            long quickest = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                start = System.nanoTime();
                roundTrip(client, "quick");
                quickest = Math.min(quickest, System.nanoTime() - start);
            }
            assertThat(Duration.ofNanos(quickest)).isLessThan(Duration.ofMillis(250));
        }
    }

    @Test
    void latencyKeepsTheBytesInOrder() throws IOException {
        proxy.latency(Duration.ofMillis(20), Duration.ofMillis(40));
        try (Socket client = connect(proxy)) {
            StringBuilder sent = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                String piece = i + ",";
                sent.append(piece);
                client.getOutputStream().write(piece.getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();
            }
            assertThat(new String(readExactly(client.getInputStream(), sent.length()), StandardCharsets.UTF_8))
                    .isEqualTo(sent.toString());
        }
    }

    @Test
    void bandwidthLimitsThroughputRoughly() throws IOException {
        proxy.bandwidth(Direction.DOWNSTREAM, 20_000);
        byte[] payload = new byte[40_000];
        Arrays.fill(payload, (byte) 'x');
        try (Socket client = connect(proxy)) {
            long start = System.nanoTime();
            client.getOutputStream().write(payload);
            client.getOutputStream().flush();
            readExactly(client.getInputStream(), payload.length);
            // 40 kB at 20 kB/s is 2 s; a burst of 1 kB and scheduling make it a little less at worst.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }

    @Test
    void cutResetsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException, InterruptedException {
        try (Socket open = connect(proxy)) {
            roundTrip(open, "before");
            proxy.cut();

            assertThatThrownBy(() -> roundTrip(open, "during")).isInstanceOf(SocketException.class);
            assertThatThrownBy(() -> connect(proxy)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("refused");
            awaitConnections(0);
        }
        proxy.restore();
        try (Socket again = connect(proxy)) {
            assertThat(roundTrip(again, "after")).isEqualTo("after");
        }
    }

    @Test
    void healEndsACutToo() throws IOException {
        proxy.cut();
        proxy.heal();
        try (Socket again = connect(proxy)) {
            assertThat(roundTrip(again, "healed")).isEqualTo("healed");
        }
    }

    @Test
    void actionsArePhasesOnTheTimeline() throws IOException {
        Timeline timeline = Timeline.startingNow();
        try (TcpProxy link = TcpProxy.spec("bank-link").target("127.0.0.1", echo.port()).start(timeline)) {
            link.latency(Duration.ofMillis(200), Duration.ZERO).cut();
            link.restore();
        }
        assertThat(timeline.phases()).extracting(PhaseRecord::name).containsExactly("start bank-link",
                "proxy bank-link: latency 200 ms", "proxy bank-link: cut");
    }

    @Test
    void anUnreachableTargetResetsTheClientAndIsReported() throws IOException, InterruptedException {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0)) {
            closedPort = gone.getLocalPort();
        }
        try (TcpProxy nowhere = TcpProxy.spec("nowhere").target("127.0.0.1", closedPort).start();
             Socket client = connect(nowhere)) {
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
            awaitFailure(nowhere);
        }
    }

    @Test
    void closeStopsListeningAndDropsConnections() throws IOException, InterruptedException {
        Socket open = connect(proxy);
        roundTrip(open, "x");
        proxy.close();
        proxy.close(); // idempotent

        assertThatThrownBy(() -> roundTrip(open, "y")).isInstanceOf(SocketException.class);
        assertThatThrownBy(() -> connect(proxy)).isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("jig-proxy-echo-link"));
        assertThatThrownBy(proxy::cut).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        open.close();
    }

    @Test
    void impossibleDegradationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> proxy.latency(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency cannot be negative");
        assertThatThrownBy(() -> proxy.bandwidth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heal() removes a limit");
        assertThatThrownBy(() -> TcpProxy.spec("x").target("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 65535");
    }

    @Test
    void degradationsCanApplyToOneDirectionOnly() throws IOException {
        proxy.bandwidth(Direction.UPSTREAM, 1_000_000);
        proxy.latency(Direction.DOWNSTREAM, Duration.ofMillis(300), Duration.ZERO);
        try (Socket client = connect(proxy)) {
            long start = System.nanoTime();
            assertThat(roundTrip(client, "one way")).isEqualTo("one way");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void aSpecWithoutTargetCannotStart() {
        assertThatThrownBy(() -> TcpProxy.spec("lost").start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".target(host, port)");
    }

    private static void awaitFailure(TcpProxy nowhere) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (nowhere.connectFailures().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(nowhere.connectFailures()).singleElement().asString()
                .contains("could not connect to the target 127.0.0.1:");
    }

    private void awaitConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (proxy.connections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(proxy.connections()).as("open connections through the proxy").isEqualTo(expected);
    }

    private static Socket connect(TcpProxy through) throws IOException {
        Socket socket = new Socket(through.host(), through.port());
        socket.setSoTimeout(10_000); // a test never hangs on a read
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
        return new String(readExactly(client.getInputStream(), bytes.length), StandardCharsets.UTF_8);
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new SocketException("connection closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }
}
