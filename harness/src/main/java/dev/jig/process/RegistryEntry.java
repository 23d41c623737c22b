package dev.jig.process;

import java.util.List;
import java.util.Optional;

/**
 * One registered process as written to disk. Instants are ISO-8601 strings, compared exactly: the
 * start instant tells a leftover from a stranger that later got the same pid.
 */
record RegistryEntry(String name, long pid, String startInstant, List<String> command,
                     long ownerPid, String ownerStartInstant) {

    static RegistryEntry of(String name, ProcessHandle process, List<String> maskedCommand) {
        ProcessHandle owner = ProcessHandle.current();
        return new RegistryEntry(name, process.pid(), startOf(process), maskedCommand,
                owner.pid(), startOf(owner));
    }

    /** The start instant as a string, or "" where the platform does not say. */
    static String startOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Object::toString).orElse("");
    }

    /** Whether the JVM that started this process is still running. */
    boolean ownerAlive() {
        if (ownerStartInstant == null || ownerStartInstant.isEmpty()) {
            // Cannot tell the owner from a stranger: assume it still runs, and touch nothing.
            return ProcessHandle.of(ownerPid).map(ProcessTree::isRunning).orElse(false);
        }
        return matchingLive(ownerPid, ownerStartInstant).isPresent();
    }

    /** The registered process itself, if a process with this pid and start instant is running. */
    Optional<ProcessHandle> liveProcess() {
        return matchingLive(pid, startInstant);
    }

    private static Optional<ProcessHandle> matchingLive(long pid, String start) {
        // Without a recorded start instant we cannot tell the process from a stranger: leave it be.
        if (start == null || start.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessTree::isRunning).filter(h -> start.equals(startOf(h)));
    }
}
