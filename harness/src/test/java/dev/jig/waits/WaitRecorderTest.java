package dev.jig.waits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.record.Timeline;
import dev.jig.record.WaitRecord;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waits above the threshold are recorded with what was waited on and where; shorter ones and Jig's are not. */
@Timeout(60)
class WaitRecorderTest {

    @Test
    void socketReadsParksAndMonitorWaitsAreRecordedWithTheirFrames() throws Exception {
        Timeline timeline = Timeline.startingNow();
        List<WaitRecord> waits;
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            port = server.getLocalPort();
            WaitRecorder recorder = WaitRecorder.start(Duration.ofMillis(10));
            readWithTimeout(client, 40);
            parkFor(40);
            waitOnMonitorFor(40);
            parkFor(1); // under the threshold
            waits = recorder.stop(timeline.trace(), timeline.originNanos());
            assertThat(accepted.isConnected()).isTrue();
        }

        assertThat(waits).filteredOn(w -> w.thread().equals(Thread.currentThread().getName()))
                .extracting(WaitRecord::kind).containsSubsequence("socket read", "park", "monitor wait");
        WaitRecord read = waits.stream().filter(w -> w.kind().equals("socket read")).findFirst().orElseThrow();
        assertThat(read.detail()).as("the peer it read from").endsWith(":" + port);
        assertThat(read.frames()).anyMatch(f -> f.contains("WaitRecorderTest.readWithTimeout"));
        assertThat(waits).filteredOn(w -> w.kind().equals("park"))
                .anyMatch(w -> w.frames().stream().anyMatch(f -> f.contains("WaitRecorderTest.parkFor")))
                .allMatch(w -> w.durationNanos() >= TimeUnit.MILLISECONDS.toNanos(10), "the threshold holds");
        assertThat(waits).allMatch(w -> w.startNanos() >= 0, "offsets from the test's start");
    }

    @Test
    void jigsOwnThreadsAreLeftOut() throws Exception {
        Timeline timeline = Timeline.startingNow();
        WaitRecorder recorder = WaitRecorder.start(Duration.ofMillis(5));
        Thread own = new Thread(() -> parkFor(30), "jig-fake-bank-conn-1");
        own.start();
        own.join();
        List<WaitRecord> waits = recorder.stop(timeline.trace(), timeline.originNanos());

        assertThat(waits).noneMatch(w -> w.thread().startsWith("jig-"));
    }

    private static void readWithTimeout(Socket socket, int millis) throws Exception {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            in.read();
        } catch (java.net.SocketTimeoutException expected) {
            // nothing was sent: the read waited the whole time
        }
    }

    private static void parkFor(int millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
    }

    private static void waitOnMonitorFor(int millis) throws InterruptedException {
        Object monitor = new Object();
        synchronized (monitor) {
            monitor.wait(millis);
        }
    }
}
