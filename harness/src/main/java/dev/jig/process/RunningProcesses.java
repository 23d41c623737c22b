package dev.jig.process;

import dev.jig.support.JigLog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every process still running in this JVM, and the one shutdown hook that kills them on exit. */
final class RunningProcesses {

    private static final Set<SystemProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private RunningProcesses() {
    }

    static void add(SystemProcess process) {
        if (HOOKED.compareAndSet(false, true)) {
            Thread hook = new Thread(RunningProcesses::killAll, "jig-process-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        RUNNING.add(process);
    }

    static void remove(SystemProcess process) {
        RUNNING.remove(process);
    }

    /** The JVM is going away: no grace, but each kill is tried even if another fails. */
    private static void killAll() {
        for (SystemProcess process : List.copyOf(RUNNING)) {
            try {
                process.kill();
            } catch (RuntimeException | Error e) {
                JigLog.warn("could not kill " + process.name() + " (pid " + process.pid()
                        + ") at shutdown: " + e);
            }
        }
    }
}
