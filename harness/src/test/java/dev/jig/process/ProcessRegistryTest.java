package dev.jig.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessRegistryTest {

    private static final String LONG_AGO = "2001-01-01T00:00:00Z";

    @TempDir
    Path dir;

    @Test
    void leftoverOfAKilledRunIsReaped() throws Exception {
        Path leftovers = dir.resolve("leftovers");
        ProcessSpec run = ProcessSpec.java("run", LeftoverMaker.class).args(leftovers.toString())
                .registry(ProcessRegistry.at(dir.resolve("runs")))
                .readyWhen(Ready.logLine("leftover pid (?<pid>\\d+)"));
        long sleeper = -1;
        try (SystemProcess killedRun = run.start()) {
            sleeper = Long.parseLong(killedRun.captured("pid").orElseThrow());
            // kill -9 the run alone, as a crash would: its sleeper is left behind.
            ProcessHandle.of(killedRun.pid()).ifPresent(ProcessHandle::destroyForcibly);
            while (killedRun.isAlive()) {
                Thread.sleep(10);
            }
            assertTrue(Procs.running(sleeper), "the crash left the sleeper behind");

            List<ReapedProcess> reaped = ProcessRegistry.at(leftovers).reapLeftovers();

            assertEquals(List.of(new ReapedProcess("sleeper", sleeper, List.of("sleep", "300"))), reaped);
            assertFalse(Procs.running(sleeper));
            try (var entries = Files.list(leftovers)) {
                assertEquals(0, entries.count());
            }
        } finally {
            Procs.killQuietly(sleeper);
        }
    }

    private ObjectMapper json() {
        return new ObjectMapper();
    }

    private Path writeEntry(Path registry, RegistryEntry entry) throws IOException {
        Files.createDirectories(registry);
        Path file = registry.resolve(entry.pid() + "-test.json");
        json().writeValue(file.toFile(), entry);
        return file;
    }

    private static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
    }

    private static List<ReapedProcess> reapCapturingErr(ProcessRegistry registry, StringBuilder err) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(bytes, true));
        try {
            return registry.reapLeftovers();
        } finally {
            System.setErr(original);
            err.append(bytes);
        }
    }

    @Test
    void leftoverWhoseOwnerIsGoneIsReapedAndReported() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "300").start();
        try {
            ProcessHandle handle = leftover.toHandle();
            Path file = writeEntry(dir, new RegistryEntry("atm", handle.pid(), RegistryEntry.startOf(handle),
                    List.of("sleep", "300"), deadPid(), LONG_AGO));
            StringBuilder err = new StringBuilder();

            List<ReapedProcess> reaped = reapCapturingErr(ProcessRegistry.at(dir), err);

            assertEquals(List.of(new ReapedProcess("atm", handle.pid(), List.of("sleep", "300"))), reaped);
            assertFalse(Procs.running(handle.pid()));
            assertFalse(Files.exists(file), "the stale entry is deleted");
            assertTrue(err.toString().matches("\\[jig\\] reaped leftover atm \\(pid " + handle.pid()
                    + ", started \\d\\d:\\d\\d:\\d\\d\\) from a run that ended without stopping it\\R"), err.toString());
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void processWithTheSamePidButAnotherStartIsNotKilled() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Path file = writeEntry(dir, new RegistryEntry("atm", stranger.pid(), LONG_AGO,
                    List.of("sleep", "300"), deadPid(), LONG_AGO));

            List<ReapedProcess> reaped = ProcessRegistry.at(dir).reapLeftovers();

            assertEquals(List.of(), reaped);
            assertTrue(stranger.isAlive(), "a stranger that reused the pid must survive");
            assertFalse(Files.exists(file), "the stale entry is deleted");
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void entriesOfARunningOwnerAreLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "300").start();
        try {
            ProcessHandle me = ProcessHandle.current();
            Path file = writeEntry(dir, new RegistryEntry("atm", other.pid(), RegistryEntry.startOf(other.toHandle()),
                    List.of("sleep", "300"), me.pid(), RegistryEntry.startOf(me)));

            List<ReapedProcess> reaped = ProcessRegistry.at(dir).reapLeftovers();

            assertEquals(List.of(), reaped);
            assertTrue(other.isAlive(), "a parallel run's process must survive");
            assertTrue(Files.exists(file), "a parallel run's entry must stay");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void unreadableEntriesAreDeletedAndAMissingDirectoryIsFine() throws Exception {
        assertEquals(List.of(), ProcessRegistry.at(dir.resolve("missing")).reapLeftovers());
        Path junk = Files.writeString(dir.resolve("123-junk.json"), "{ not json");

        assertEquals(List.of(), ProcessRegistry.at(dir).reapLeftovers());
        assertFalse(Files.exists(junk));
    }

    @Test
    void defaultRegistryHonoursTheSystemProperty() {
        String old = System.getProperty(ProcessRegistry.DIRECTORY_PROPERTY);
        System.setProperty(ProcessRegistry.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertEquals(dir.toAbsolutePath(), ProcessRegistry.defaultRegistry().directory());
        } finally {
            if (old == null) {
                System.clearProperty(ProcessRegistry.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(ProcessRegistry.DIRECTORY_PROPERTY, old);
            }
        }
        assertTrue(ProcessRegistry.defaultRegistry().directory().getFileName().toString()
                .startsWith("jig-processes-"));
    }
}
