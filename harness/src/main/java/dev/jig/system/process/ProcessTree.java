package dev.jig.system.process;

import dev.jig.leftover.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stops a process and everything it started. Descendants are listed before any signal, because
 * once the parent dies they are re-parented and no longer show up as its descendants.
 */
final class ProcessTree {

    /** How long to wait for processes to vanish after the forced kill. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    /** The root and its current descendants, root first. */
    static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.descendants().collect(Collectors.toList()));
        return all;
    }

    /**
     * Sends the polite signal to all, waits up to {@code grace} for them to go, then kills the rest
     * and waits (bounded) for them to vanish. Never throws for processes that are already gone.
     */
    static void stop(List<ProcessHandle> tree, Duration grace) {
        tree.forEach(ProcessHandle::destroy);
        if (!awaitGone(tree, grace)) {
            kill(tree);
        }
    }

    /** Kills all at once and waits (bounded) for them to vanish. */
    static void kill(List<ProcessHandle> tree) {
        tree.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree, KILL_WAIT);
    }

    /** Waits until none of {@code tree} is running; whether that happened in time. */
    static boolean awaitGone(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tree.stream().anyMatch(ProcessTree::isRunning)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static boolean isRunning(ProcessHandle handle) {
        return Processes.running(handle);
    }
}
