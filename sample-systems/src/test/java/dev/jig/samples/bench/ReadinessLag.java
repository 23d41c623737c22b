package dev.jig.samples.bench;

import dev.jig.system.SystemSpec;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.samples.atm.AtmMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (a) How long after the Java ATM printed its port each approach reported it ready: Jig waiting for the
 * log line, Jig polling the port, and a bare {@link ProcessBuilder} that busy-polls the port. Rounds of
 * the three approaches are interleaved so that machine noise hits them alike.
 */
final class ReadinessLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final List<Long> jigLogLine = new ArrayList<>();
    private final List<Long> jigPort = new ArrayList<>();
    private final List<Long> barePoll = new ArrayList<>();
    private final List<Long> jigLogLineTotal = new ArrayList<>();
    private final List<Long> barePollTotal = new ArrayList<>();

    List<Figures> measure(int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            jigLogLine(i > 0);
            jigPort(i > 0);
            barePoll(i > 0);
        }
        return List.of(
                Figures.of("(a) lag after print: Jig Ready.logLine", jigLogLine),
                Figures.of("(a) lag after print: Jig Ready.port (polls the port)", jigPort),
                Figures.of("(a) lag after print: bare ProcessBuilder busy-polling", barePoll),
                Figures.of("(a) launch to ready: Jig Ready.logLine", jigLogLineTotal),
                Figures.of("(a) launch to ready: bare ProcessBuilder busy-polling", barePollTotal));
    }

    private void jigLogLine(boolean keep) {
        long launched = System.nanoTime();
        try (RunningSystem atm = atm().readyWhen(Ready.logLine("listening on port (\\d+)"))
                .args("--port", "0").start()) {
            long ready = System.nanoTime();
            if (keep) {
                jigLogLine.add(ready - printedAt(atm));
                jigLogLineTotal.add(ready - launched);
            }
        }
    }

    private void jigPort(boolean keep) {
        try (RunningSystem atm = atm().readyWhen(Ready.port()).args("--port", SystemSpec.FREE_PORT).start()) {
            long ready = System.nanoTime();
            if (keep) {
                jigPort.add(ready - printedAt(atm));
            }
        }
    }

    private SystemSpec atm() {
        return SystemSpec.java("atm", PrintClockMain.class)
                .args(AtmMain.class.getName(), "--bank", "127.0.0.1:9")
                .readyTimeout(TIMEOUT);
    }

    private static long printedAt(RunningSystem atm) {
        String line = atm.output().awaitLine("printed-at (\\d+)", TIMEOUT).text();
        return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
    }

    private void barePoll(boolean keep) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PrintClockMain.class.getName(), AtmMain.class.getName(), "--bank", "127.0.0.1:9",
                "--port", String.valueOf(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long ready = pollUntilOpen(port, launched);
            long printed = readPrintedAt(process);
            if (keep) {
                barePoll.add(ready - printed);
                barePollTotal.add(ready - launched);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static long pollUntilOpen(int port, long launched) throws IOException {
        while (System.nanoTime() - launched < TIMEOUT.toNanos()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return System.nanoTime();
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IOException("port " + port + " did not open within " + TIMEOUT);
    }

    private static long readPrintedAt(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            if (line.startsWith("printed-at ")) {
                return Long.parseLong(line.substring("printed-at ".length()).trim());
            }
        }
        throw new IOException("the ATM ended without printing its port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
