package dev.jig.system.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.system.Ready;
import dev.jig.system.ReapedSystem;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import dev.jig.leftover.HostIdentity;
import dev.jig.leftover.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        SystemSpec run = SystemSpec.java("run", LeftoverMaker.class).args(leftovers.toString())
                .registry(SystemRegistry.at(dir.resolve("runs")))
                .readyWhen(Ready.logLine("leftover pid (?<pid>\\d+)"));
        long sleeper = -1;
        try (RunningSystem killedRun = run.start()) {
            sleeper = Long.parseLong(killedRun.captured("pid").orElseThrow());
            // kill -9 the run alone, as a crash would: its sleeper is left behind.
            ProcessHandle.of(killedRun.pid()).ifPresent(ProcessHandle::destroyForcibly);
            while (killedRun.isAlive()) {
                Thread.sleep(10);
            }
            assertTrue(Procs.running(sleeper), "the crash left the sleeper behind");

            List<ReapedSystem> reaped = SystemRegistry.at(leftovers).reapLeftovers();

            assertEquals(1, reaped.size(), reaped.toString());
            assertEquals("sleeper", reaped.get(0).name());
            assertEquals(sleeper, reaped.get(0).pid());
            assertEquals("sleep 300", reaped.get(0).description());
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

    /** An entry as a run writes it: the system, its pid and start, the command, the owner JVM's pid and start. */
    private Path writeEntry(Path registry, String name, long pid, String start, long ownerPid, String ownerStart)
            throws IOException {
        Files.createDirectories(registry);
        Path file = registry.resolve("process-" + pid + "-test.json");
        json().writeValue(file.toFile(), Map.of("name", name, "kind", "process", "id", pid + "@" + start,
                "command", List.of("sleep", "300"), "owner", ownerPid + "@" + ownerStart + "@"
                        + HostIdentity.current().token()));
        return file;
    }

    private static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
    }

    private static List<ReapedSystem> reapCapturingErr(SystemRegistry registry, StringBuilder err) {
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
            String id = handle.pid() + "@" + Processes.startOf(handle);
            Path file = writeEntry(dir, "atm", handle.pid(), Processes.startOf(handle), deadPid(), LONG_AGO);
            StringBuilder err = new StringBuilder();

            List<ReapedSystem> reaped = reapCapturingErr(SystemRegistry.at(dir), err);

            assertEquals(List.of(new ReapedSystem("atm", "process", id, "sleep 300")), reaped);
            assertFalse(Procs.running(handle.pid()));
            assertFalse(Files.exists(file), "the stale entry is deleted");
            assertTrue(err.toString().contains("[jig] reaped leftover process atm (" + id + ", sleep 300) from a run "
                    + "that ended without stopping it"), err.toString());
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void processWithTheSamePidButAnotherStartIsNotKilled() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Path file = writeEntry(dir, "atm", stranger.pid(), LONG_AGO, deadPid(), LONG_AGO);

            List<ReapedSystem> reaped = SystemRegistry.at(dir).reapLeftovers();

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
            Path file = writeEntry(dir, "atm", other.pid(), Processes.startOf(other.toHandle()), me.pid(),
                    Processes.startOf(me));

            List<ReapedSystem> reaped = SystemRegistry.at(dir).reapLeftovers();

            assertEquals(List.of(), reaped);
            assertTrue(other.isAlive(), "a parallel run's process must survive");
            assertTrue(Files.exists(file), "a parallel run's entry must stay");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void unreadableEntriesAreDeletedAndAMissingDirectoryIsFine() throws Exception {
        assertEquals(List.of(), SystemRegistry.at(dir.resolve("missing")).reapLeftovers());
        Path junk = Files.writeString(dir.resolve("process-123-junk.json"), "{ not json");

        assertEquals(List.of(), SystemRegistry.at(dir).reapLeftovers());
        assertFalse(Files.exists(junk));
    }

    @Test
    void defaultRegistryHonoursTheSystemProperty() {
        String old = System.getProperty(SystemRegistry.DIRECTORY_PROPERTY);
        System.setProperty(SystemRegistry.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertEquals(dir.toAbsolutePath(), SystemRegistry.defaultRegistry().directory());
        } finally {
            if (old == null) {
                System.clearProperty(SystemRegistry.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(SystemRegistry.DIRECTORY_PROPERTY, old);
            }
        }
        assertTrue(SystemRegistry.defaultRegistry().directory().getFileName().toString()
                .startsWith("jig-systems-"));
    }
}
