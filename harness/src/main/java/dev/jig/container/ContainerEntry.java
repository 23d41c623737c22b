package dev.jig.container;

import java.util.Optional;

/**
 * One registered container as written to disk, with the JVM that started it. The owner is a pid plus its
 * start instant, so a stranger that reused the pid is never taken for it.
 */
record ContainerEntry(String name, String containerId, String image, long ownerPid, String ownerStartInstant) {

    static ContainerEntry of(String name, String containerId, String image) {
        ProcessHandle owner = ProcessHandle.current();
        return new ContainerEntry(name, containerId, image, owner.pid(), startOf(owner));
    }

    /** This JVM, as the owner label of its containers says it: {@code "<pid>@<start instant>"}. */
    static String currentOwner() {
        ProcessHandle owner = ProcessHandle.current();
        return owner.pid() + "@" + startOf(owner);
    }

    /** Whether the JVM named by an owner label ({@code "<pid>@<start>"}) still runs; true if unreadable. */
    static boolean ownerAlive(String ownerLabel) {
        int at = ownerLabel == null ? -1 : ownerLabel.indexOf('@');
        if (at < 1) {
            return true; // not ours to judge: touch nothing
        }
        try {
            return alive(Long.parseLong(ownerLabel.substring(0, at)), ownerLabel.substring(at + 1));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    boolean ownerAlive() {
        return alive(ownerPid, ownerStartInstant);
    }

    private static boolean alive(long pid, String start) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (start == null || start.isEmpty()) {
            return handle.isPresent(); // cannot tell the owner from a stranger: assume it still runs
        }
        return handle.filter(h -> start.equals(startOf(h))).isPresent();
    }

    private static String startOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Object::toString).orElse("");
    }
}
