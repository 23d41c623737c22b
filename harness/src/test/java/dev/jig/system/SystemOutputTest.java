package dev.jig.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.OutputLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SystemOutputTest {

    @TempDir
    Path registryDir;

    private static OutputLine out(String text) {
        return new OutputLine(Instant.now(), OutputLine.Stream.OUT, text);
    }

    @Test
    void capturesBothStreamsWithTimestamps() {
        Instant before = Instant.now();
        SystemSpec spec = SystemSpec.command("atm", "/bin/sh", "-c", "echo to out; echo to err >&2; exec sleep 300")
                .registry(SystemRegistry.at(registryDir))
                .readyWhen(Ready.all(Ready.logLine("to out"), Ready.logLine("to err")));
        try (RunningSystem atm = spec.start()) {
            List<OutputLine> lines = atm.output().lines();
            assertEquals(2, lines.size());
            OutputLine outLine = lines.stream().filter(l -> l.stream() == OutputLine.Stream.OUT).findFirst().orElseThrow();
            OutputLine errLine = lines.stream().filter(l -> l.stream() == OutputLine.Stream.ERR).findFirst().orElseThrow();
            assertEquals("to out", outLine.text());
            assertEquals("to err", errLine.text());
            assertFalse(outLine.time().isBefore(before));
            assertFalse(outLine.time().isAfter(Instant.now()));
        }
    }

    @Test
    void keepsOnlyTheNewestLinesAndSaysSo() {
        SystemOutput output = new SystemOutput("atm", 3);
        for (int i = 1; i <= 10; i++) {
            output.add(out("line " + i));
        }

        assertTrue(output.truncated());
        assertEquals(List.of("line 8", "line 9", "line 10"), texts(output.lines()));
        assertEquals(List.of("line 9", "line 10"), texts(output.tail(2)));
        assertEquals(List.of("line 8", "line 9", "line 10"), texts(output.tail(50)));
    }

    @Test
    void notTruncatedUnderTheCap() {
        SystemOutput output = new SystemOutput("atm", 3);
        output.add(out("only"));

        assertFalse(output.truncated());
        assertTrue(output.tailText(5).endsWith(" out only"), output.tailText(5));
    }

    @Test
    void tailTextJoinsFormattedLines() {
        SystemOutput output = new SystemOutput("atm", 10);
        OutputLine first = out("one");
        OutputLine second = new OutputLine(Instant.now(), OutputLine.Stream.ERR, "two");
        output.add(first);
        output.add(second);

        assertEquals(first.formatted() + "\n" + second.formatted(), output.tailText(2));
        assertEquals(second.formatted(), output.tailText(1));
    }

    @Test
    void awaitLineFindsEarlierAndLaterLines() throws Exception {
        SystemOutput output = new SystemOutput("atm", 10);
        output.add(out("early bird"));
        assertEquals("early bird", output.awaitLine("early", Duration.ofSeconds(1)).text());

        Thread writer = new Thread(() -> {
            sleep(100);
            output.add(out("late bird"));
        });
        writer.start();
        assertEquals("late bird", output.awaitLine("late", Duration.ofSeconds(10)).text());
        writer.join();
    }

    @Test
    void awaitLineTimeoutNamesPatternTimeoutAndLastLines() {
        SystemOutput output = new SystemOutput("atm", 10);
        OutputLine seen = out("connecting to bank");
        output.add(seen);

        OutputTimeoutException e = assertThrows(OutputTimeoutException.class,
                () -> output.awaitLine("connected", Duration.ofMillis(200)));

        assertEquals("No line of atm matched 'connected' within 200 ms. Last line of output:\n"
                + seen.formatted(), e.getMessage());
    }

    @Test
    void awaitLineFailsAtOnceWhenTheProcessHasExited() {
        SystemSpec spec = SystemSpec.command("atm", "/bin/sh", "-c", "echo bye; exit 2")
                .registry(SystemRegistry.at(registryDir));
        try (RunningSystem atm = spec.start()) {
            long start = System.nanoTime();
            OutputTimeoutException e = assertThrows(OutputTimeoutException.class,
                    () -> atm.output().awaitLine("hello", Duration.ofSeconds(60)));

            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
            assertTrue(e.getMessage().startsWith("atm exited with code 2 before printing a line matching 'hello'. "
                    + "Last line of output:\n"), e.getMessage());
            assertTrue(e.getMessage().endsWith(" out bye"), e.getMessage());
        }
    }

    @Test
    void subscribersSeeNewLinesUntilUnsubscribed() throws Exception {
        SystemOutput output = new SystemOutput("atm", 10);
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = output.subscribe(line -> seen.add(line.text()));

        output.add(out("one"));
        subscription.close();
        output.add(out("two"));

        assertEquals(List.of("one"), seen);
    }

    @Test
    void aFailingSubscriberDoesNotStopCapture() {
        SystemOutput output = new SystemOutput("atm", 10);
        output.subscribe(line -> {
            throw new IllegalStateException("listener bug");
        });

        output.add(out("one"));
        output.add(out("two"));

        assertEquals(List.of("one", "two"), texts(output.lines()));
    }

    private static List<String> texts(List<OutputLine> lines) {
        return lines.stream().map(OutputLine::text).collect(Collectors.toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
