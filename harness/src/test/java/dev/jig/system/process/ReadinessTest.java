package dev.jig.system.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.PhaseRecord;
import dev.jig.record.Timeline;
import dev.jig.system.ReadinessTimeoutException;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemExitedException;
import dev.jig.system.SystemLaunchException;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import dev.jig.system.SystemStartException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReadinessTest {

    @TempDir
    Path registryDir;

    private SystemSpec sh(String name, String script) {
        return SystemSpec.command(name, "/bin/sh", "-c", script).registry(SystemRegistry.at(registryDir));
    }

    private SystemSpec tinyServer(Object port) {
        return SystemSpec.java("tiny", TinyServer.class).args(port).registry(SystemRegistry.at(registryDir));
    }

    @Test
    void neverReadyTimesOutWithConditionAndOutputAndStopsTheProcess() {
        SystemSpec spec = sh("atm", "echo starting up; echo still thinking >&2; exec sleep 300")
                .readyWhen(Ready.logLine("listening on port (\\d+)"))
                .readyTimeout(Duration.ofMillis(700));

        ReadinessTimeoutException e = assertThrows(ReadinessTimeoutException.class, spec::start);

        String message = e.getMessage();
        assertTrue(message.startsWith("atm was not ready within 700 ms: waited for a log line matching "
                + "'listening on port (\\d+)'. It was still running (pid "), message);
        assertTrue(message.contains("), so Jig stopped it. Last 2 lines of output:\n"), message);
        assertTrue(message.contains(" out starting up"), message);
        assertTrue(message.contains(" err still thinking"), message);
        assertEquals("atm", e.systemName());
        assertEquals(2, e.output().size());
        long pid = Long.parseLong(message.replaceAll("(?s).*\\(pid (\\d+)\\).*", "$1"));
        assertFalse(Procs.running(pid), "the process must be stopped after a failed start");
    }

    @Test
    void exitDuringReadinessFailsFastWithOutput() {
        SystemSpec spec = sh("atm", "echo boom >&2; exit 3")
                .readyWhen(Ready.logLine("listening"))
                .readyTimeout(Duration.ofSeconds(60));

        long start = System.nanoTime();
        SystemExitedException e = assertThrows(SystemExitedException.class, spec::start);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took + " of a 60 s timeout");
        assertEquals(3, e.exitCode());
        String message = e.getMessage();
        assertTrue(message.startsWith("atm exited with code 3 while Jig waited for a log line matching "
                + "'listening'. Last line of output:\n"), message);
        assertTrue(message.endsWith(" err boom"), message);
    }

    @Test
    void exitDuringPolledReadinessFailsFastToo() {
        SystemSpec spec = sh("atm", "echo boom; exit 4")
                .readyWhen(Ready.port(1))
                .readyTimeout(Duration.ofSeconds(60));

        long start = System.nanoTime();
        SystemExitedException e = assertThrows(SystemExitedException.class, spec::start);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertTrue(e.getMessage().startsWith("atm exited with code 4 while Jig waited for a TCP connection to "
                + "its port 1."), e.getMessage());
        assertTrue(e.getMessage().contains(" out boom"), e.getMessage());
    }

    @Test
    void missingExecutableFailsWithHelpfulMessage() {
        SystemSpec spec = SystemSpec.command("atm", "no-such-program-jig", "--port", "0")
                .registry(SystemRegistry.at(registryDir));

        SystemLaunchException e = assertThrows(SystemLaunchException.class, spec::start);

        String message = e.getMessage();
        assertTrue(message.startsWith("Could not start atm: the operating system could not run "
                + "'no-such-program-jig' ("), message);
        assertTrue(message.contains("\nCommand: no-such-program-jig --port 0\n"), message);
        assertTrue(message.contains("\nWorking directory: "), message);
        assertTrue(message.contains("is installed and on the PATH"), message);
    }

    @Test
    void nonExecutableFileSaysChmod(@TempDir Path dir) throws IOException {
        Path script = java.nio.file.Files.writeString(dir.resolve("atm.sh"), "#!/bin/sh\necho hi\n");
        SystemSpec spec = SystemSpec.command("atm", script.toString()).registry(SystemRegistry.at(registryDir));

        SystemLaunchException e = assertThrows(SystemLaunchException.class, spec::start);

        assertTrue(e.getMessage().contains("chmod +x " + script), e.getMessage());
    }

    @Test
    void missingWorkingDirectoryIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        SystemSpec spec = sh("atm", "true").workingDir(missing);

        SystemLaunchException e = assertThrows(SystemLaunchException.class, spec::start);

        assertTrue(e.getMessage().contains("its working directory " + missing + " does not exist"), e.getMessage());
    }

    @Test
    void logLineReadinessCapturesThePort() throws IOException {
        try (RunningSystem tiny = tinyServer(0).readyWhen(Ready.logLine("listening on port (\\d+)")).start()) {
            int port = tiny.port().orElseThrow();
            assertEquals("127.0.0.1:" + port, tiny.address());
            assertEquals(List.of(Integer.toString(port)), tiny.captured());
            assertConnects(port);
        }
    }

    @Test
    void namedPortGroupWinsAndNamedGroupsAreCaptured() {
        SystemSpec spec = sh("atm", "echo 'version 7 listening on 4567'; exec sleep 300")
                .readyWhen(Ready.logLine("version (?<version>\\d+) listening on (?<port>\\d+)"));
        try (RunningSystem atm = spec.start()) {
            assertEquals(4567, atm.port().orElseThrow());
            assertEquals("7", atm.captured("version").orElseThrow());
            assertTrue(atm.captured("nope").isEmpty());
            assertEquals(List.of("7", "4567"), atm.captured());
        }
    }

    @Test
    void linesPrintedBeforeTheWaitCount() {
        SystemSpec spec = sh("atm", "echo ready now; exec sleep 300")
                .readyWhen(Ready.all(Ready.when("a pause", p -> p.output().lines().size() == 1),
                        Ready.logLine("ready now")));
        try (RunningSystem atm = spec.start()) {
            assertTrue(atm.port().isEmpty());
            assertEquals(List.of(), atm.captured());
        }
    }

    @Test
    void portReadinessUsesTheFreePort() throws IOException {
        try (RunningSystem tiny = tinyServer(SystemSpec.FREE_PORT).readyWhen(Ready.port()).start()) {
            int port = tiny.port().orElseThrow();
            assertTrue(tiny.command().contains(Integer.toString(port)), tiny.command().toString());
            assertConnects(port);
        }
    }

    @Test
    void portReadinessWithoutAPortSaysHowToGiveOne() {
        SystemSpec spec = sh("atm", "exec sleep 300").readyWhen(Ready.port());

        SystemStartException e = assertThrows(SystemStartException.class, spec::start);

        assertEquals("atm has no port for Jig to check while waiting for a TCP connection to its port. "
                + "Pass SystemSpec.FREE_PORT in its args or env, give it with port(...) or Ready.port(8080), "
                + "or put a Ready.logLine(...) that captures the port before it in Ready.all(...).", e.getMessage());
    }

    @Test
    void httpReadinessWaitsForA2xx() {
        SystemSpec spec = tinyServer(0).args(300)
                .readyWhen(Ready.all(Ready.logLine("listening on port (\\d+)"), Ready.http("/health")));
        try (RunningSystem tiny = spec.start()) {
            assertTrue(tiny.isAlive());
        }
    }

    @Test
    void httpReadinessTimeoutShowsTheLastAnswer() {
        SystemSpec spec = tinyServer(0).args(600_000)
                .readyWhen(Ready.all(Ready.logLine("listening on port (\\d+)"),
                        // Long enough for the small server JVM to start on a loaded machine, then it answers 503.
                        Ready.http("/health").within(Duration.ofSeconds(5))));

        ReadinessTimeoutException e = assertThrows(ReadinessTimeoutException.class, spec::start);

        assertTrue(e.getMessage().startsWith("tiny was not ready within 5 s: waited for a 2xx answer to GET "
                + "/health on its port (last attempt: HTTP 503 from http://127.0.0.1:"), e.getMessage());
    }

    @Test
    void whenReadinessPollsThePredicate() {
        SystemSpec spec = sh("atm", "sleep 0.3; echo warm; exec sleep 300")
                .readyWhen(Ready.when("the cache to be warm",
                        p -> p.output().lines().stream().anyMatch(l -> l.text().equals("warm"))));
        try (RunningSystem atm = spec.start()) {
            assertEquals("warm", atm.output().lines().get(0).text());
        }
    }

    @Test
    void whenTimeoutNamesTheDescriptionAndTheLastFailure() {
        SystemSpec spec = sh("atm", "exec sleep 300")
                .readyWhen(Ready.when("the queue to exist", p -> {
                    throw new IllegalStateException("no queue");
                }).within(Duration.ofMillis(300)));

        ReadinessTimeoutException e = assertThrows(ReadinessTimeoutException.class, spec::start);

        assertTrue(e.getMessage().startsWith("atm was not ready within 300 ms: waited for the queue to exist "
                + "(last attempt: the check threw IllegalStateException: no queue). It was still running"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("It printed no output."), e.getMessage());
    }

    @Test
    void allDescribesItsStepsInOrder() {
        Ready all = Ready.all(Ready.logLine("up"), Ready.port(8080), Ready.http("/health"));

        assertEquals("a log line matching 'up', then a TCP connection to its port 8080, then a 2xx answer "
                + "to GET /health on its port", all.describe());
    }

    @Test
    void startRecordsStartAndReadyPhases() {
        Timeline timeline = Timeline.startingNow();
        try (RunningSystem atm = sh("atm", "echo up; exec sleep 300").readyWhen(Ready.logLine("up")).start(timeline)) {
            List<String> names = timeline.phases().stream().map(PhaseRecord::name).collect(Collectors.toList());
            assertEquals(List.of("start atm", "ready atm"), names);
        }
    }

    @Test
    void invalidArgumentsAreRejectedEarly() {
        assertThrows(IllegalArgumentException.class, () -> Ready.port(0));
        assertThrows(IllegalArgumentException.class, () -> Ready.http("health"));
        assertThrows(IllegalArgumentException.class, () -> Ready.logLine("("));
        assertThrows(IllegalArgumentException.class, () -> Ready.all());
        assertThrows(IllegalArgumentException.class, () -> Ready.port().within(Duration.ZERO));
    }

    private static void assertConnects(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }
}
