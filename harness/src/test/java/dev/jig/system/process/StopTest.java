package dev.jig.system.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StopTest {

    @TempDir
    Path dir;

    private SystemSpec sh(String script) {
        return SystemSpec.command("atm", "/bin/sh", "-c", script).registry(SystemRegistry.at(dir.resolve("reg")));
    }

    @Test
    void stopLeavesNoGrandchildRunning() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        RunningSystem atm = sh("sleep 300 & echo $! > '" + pidFile + "'; echo started; wait")
                .readyWhen(Ready.logLine("started"))
                .start();
        long grandchild = Procs.awaitPidFile(pidFile, Duration.ofSeconds(10));
        try {
            assertTrue(Procs.running(grandchild));

            atm.stop();

            assertFalse(atm.isAlive());
            assertFalse(Procs.running(grandchild), "grandchild " + grandchild + " must be stopped with its parent");
        } finally {
            Procs.killQuietly(grandchild);
        }
    }

    @Test
    void processIgnoringSigtermIsKilledAfterTheGrace() {
        RunningSystem atm = sh("trap '' TERM; echo trapped; sleep 300; echo woke")
                .stopGrace(Duration.ofMillis(300))
                .readyWhen(Ready.logLine("trapped"))
                .start();

        int code = atm.stop();

        assertFalse(atm.isAlive());
        assertEquals(137, code, "SIGKILL shows as 128 + 9");
    }

    @Test
    void politeStopEndsWithSigterm() {
        RunningSystem atm = sh("exec sleep 300").start();

        assertEquals(143, atm.stop(), "SIGTERM shows as 128 + 15");
        assertEquals(143, atm.exitCode().orElseThrow());
    }

    @Test
    void stopAfterExitReturnsTheExitCodeEveryTime() throws Exception {
        RunningSystem atm = sh("echo bye; exit 7").start();
        while (atm.isAlive()) {
            Thread.sleep(10);
        }

        assertEquals(7, atm.stop());
        assertEquals(7, atm.stop());
        atm.close();
        assertEquals(7, atm.exitCode().orElseThrow());
    }

    @Test
    void stopUnregistersTheProcess() throws Exception {
        Path registry = dir.resolve("reg");
        RunningSystem atm = sh("exec sleep 300").start();
        try (var entries = Files.list(registry)) {
            assertEquals(1, entries.count(), "a running process is registered");
        }

        atm.close();

        try (var entries = Files.list(registry)) {
            assertEquals(0, entries.count(), "a stopped process is unregistered");
        }
    }

    @Test
    void shutdownHookKillsWhatTheJvmDidNotStop() throws Exception {
        SystemSpec run = SystemSpec.java("run", LeftoverMaker.class).args(dir.resolve("leftovers").toString(), "exit")
                .registry(SystemRegistry.at(dir.resolve("runs")))
                .readyWhen(Ready.logLine("leftover pid (?<pid>\\d+)"));
        long sleeper = -1;
        try (RunningSystem exitingRun = run.start()) {
            sleeper = Long.parseLong(exitingRun.captured("pid").orElseThrow());
            assertEquals(0, waitForExit(exitingRun));

            assertFalse(Procs.running(sleeper), "the run's shutdown hook must kill its sleeper");
            try (var entries = Files.list(dir.resolve("leftovers"))) {
                assertEquals(0, entries.count(), "and unregister it");
            }
        } finally {
            Procs.killQuietly(sleeper);
        }
    }

    private static int waitForExit(RunningSystem process) throws InterruptedException {
        while (process.isAlive()) {
            Thread.sleep(10);
        }
        return process.exitCode().orElseThrow();
    }
}
