package dev.jig.leftover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** What this package asks of any process: is it running, when did it start, signal it, wait for it to go. */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Processes {

    private Processes() {
    }

    /** The start instant as a string, or "" where the platform does not say. */
    public static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("");
    }

    /**
     * Alive and not a zombie: an orphan whose new parent never reaps it (PID 1 in many containers) is dead for
     * every purpose here, though {@link ProcessHandle#isAlive()} still says alive.
     */
    public static boolean running(ProcessHandle process) {
        return process.isAlive() && !"Z".equals(state(process.pid()));
    }

    /** The ones of {@code processes} still running. */
    static List<ProcessHandle> runningOf(Collection<ProcessHandle> processes) {
        return processes.stream().filter(Processes::running).collect(Collectors.toList());
    }

    /** SIGTERM to each that runs; the JDK checks the start time, so a pid reused meanwhile is not hit. */
    static void terminate(Collection<ProcessHandle> processes) {
        runningOf(processes).forEach(ProcessHandle::destroy);
    }

    /** SIGKILL to each that runs. */
    static void kill(Collection<ProcessHandle> processes) {
        runningOf(processes).forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits up to {@code timeout} until none of {@code processes} runs; whether that happened. */
    static boolean awaitGone(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Poll poll = new Poll();
        while (!runningOf(processes).isEmpty()) {
            if (System.nanoTime() - deadline >= 0 || !poll.pause()) {
                return false;
            }
        }
        return true;
    }

    /** The one-letter state from {@code /proc/<pid>/status} ("S", "R", "Z", ...), or "" off Linux. */
    private static String state(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("State:")) {
                    String value = line.substring("State:".length()).trim();
                    return value.isEmpty() ? "" : value.substring(0, 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone a moment ago, or no /proc: trust isAlive()
        }
        return "";
    }
}
