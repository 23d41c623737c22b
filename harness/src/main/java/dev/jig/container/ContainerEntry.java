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
