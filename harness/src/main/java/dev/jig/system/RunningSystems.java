package dev.jig.system;

import dev.jig.support.JigLog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every system still running for this JVM, and the one shutdown hook that kills them on exit. */
final class RunningSystems {

    private static final Set<RunningSystem> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private RunningSystems() {
    }

    static void add(RunningSystem process) {
        if (HOOKED.compareAndSet(false, true)) {
            Thread hook = new Thread(RunningSystems::killAll, "jig-system-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        RUNNING.add(process);
    }

    static void remove(RunningSystem process) {
        RUNNING.remove(process);
    }

    /** The JVM is going away: no grace, but each kill is tried even if another fails. */
    private static void killAll() {
        for (RunningSystem process : List.copyOf(RUNNING)) {
            try {
                process.killAtShutdown();
            } catch (RuntimeException | Error e) {
                JigLog.warn("could not kill " + process + " at shutdown; stop it by hand (" + e + ")");
            }
        }
    }
}
