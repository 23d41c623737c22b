package dev.jig.container;

import dev.jig.support.JigLog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every container still running for this JVM, and the one shutdown hook that removes them on exit. */
final class RunningContainers {

    private static final Set<ContainerSystem> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private RunningContainers() {
    }

    static void add(ContainerSystem system) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningContainers::killAll, "jig-container-shutdown"));
        }
        RUNNING.add(system);
    }

    static void remove(ContainerSystem system) {
        RUNNING.remove(system);
    }

    /** The JVM is going away: no grace, but each removal is tried even if another fails. */
    private static void killAll() {
        for (ContainerSystem system : List.copyOf(RUNNING)) {
            try {
                system.kill();
            } catch (RuntimeException | Error e) {
                JigLog.warn("could not remove " + system + " at shutdown; remove it by hand: docker rm -f "
                        + system.containerId() + " (" + e + ")");
            }
        }
    }
}
