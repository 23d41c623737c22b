package dev.jig.system.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Helpers for tests that check on real processes. */
final class Procs {

    private Procs() {
    }

    /** Whether a process with this pid is running (a zombie counts as gone). */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }

    /** Waits up to {@code timeout} for a file to hold a pid, and returns it. */
    static long awaitPidFile(Path file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no pid in " + file + " within " + timeout);
    }

    /** Kills a process the test started by other means, if it still runs. */
    static void killQuietly(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
