package dev.jig.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The running {@code sleep} processes (zombies do not count) with {@code marker} as an argument: tests give
     * their sleepers unique durations (e.g. {@code sleep 3001.517}), so that the leftovers of builds running in
     * parallel elsewhere on the machine are never counted.
     */
    static List<Long> runningWith(String marker) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                String[] arguments = arguments(entry);
                if (arguments.length > 1 && arguments[0].endsWith("sleep") && List.of(arguments).contains(marker)
                        && running(Long.parseLong(entry.getFileName().toString()))) {
                    pids.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /** Waits up to {@code timeout} for {@code count} processes with {@code marker}; returns their pids. */
    static List<Long> awaitRunningWith(String marker, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> found = runningWith(marker);
        while (found.size() != count) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("expected " + count + " processes with " + marker + " within " + timeout
                        + ", found " + describe(found));
            }
            Thread.sleep(20);
            found = runningWith(marker);
        }
        return found;
    }

    /** Kills every process with {@code marker}: a test's own clean-up when what it checks failed. */
    static void killAllWith(String... markers) {
        for (String marker : markers) {
            runningWith(marker).forEach(Procs::killQuietly);
        }
    }

    private static String describe(List<Long> pids) {
        StringBuilder text = new StringBuilder();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> text.append(pid).append(" (parent ")
                    .append(h.parent().map(ProcessHandle::pid).orElse(-1L)).append("): ")
                    .append(String.join(" ", arguments(Path.of("/proc", Long.toString(pid))))).append("; "));
        }
        return text.toString();
    }

    private static String[] arguments(Path entry) {
        try {
            return new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8).split("\\x00");
        } catch (IOException e) {
            return new String[0];
        }
    }

    /** Kills a process the test started by other means, if it still runs. */
    static void killQuietly(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
