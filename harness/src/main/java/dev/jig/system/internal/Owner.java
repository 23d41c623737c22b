package dev.jig.system.internal;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The JVM that started a system, written {@code "<pid>@<start instant>"}: a pid plus its start instant, so a
 * stranger that reused the pid is never taken for it. Not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Owner {

    /** The label (a container's) or entry field that names the owner JVM. */
    public static final String LABEL = "dev.jig.owner";
    /** The label that names the system, e.g. {@code "atm"}. */
    public static final String NAME_LABEL = "dev.jig.name";

    private Owner() {
    }

    /** This JVM. */
    public static String current() {
        ProcessHandle owner = ProcessHandle.current();
        return owner.pid() + "@" + startOf(owner);
    }

    /** Whether the JVM an owner string names still runs; true when it cannot tell (touch nothing). */
    public static boolean alive(String owner) {
        int at = owner == null ? -1 : owner.indexOf('@');
        if (at < 1) {
            return true;
        }
        try {
            return running(Long.parseLong(owner.substring(0, at)), owner.substring(at + 1), true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * The process with this pid and start instant, if it runs and is not a zombie. Without a start instant
     * it cannot be told from a stranger: empty.
     */
    public static Optional<ProcessHandle> live(long pid, String start) {
        if (start == null || start.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(Owner::isRunning).filter(h -> start.equals(startOf(h)));
    }

    /** The start instant as a string, or "" where the platform does not say. */
    public static String startOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Object::toString).orElse("");
    }

    /**
     * Alive and not a zombie. Orphans whose new parent never reaps them (PID 1 in many containers) stay as
     * zombies, which {@link ProcessHandle#isAlive()} still reports as alive.
     */
    public static boolean isRunning(ProcessHandle handle) {
        return handle.isAlive() && !isZombie(handle.pid());
    }

    private static boolean running(long pid, String start, boolean unknownStartCountsAsAlive) {
        if (start == null || start.isEmpty()) {
            return unknownStartCountsAsAlive && ProcessHandle.of(pid).map(Owner::isRunning).orElse(false);
        }
        return live(pid, start).isPresent();
    }

    private static boolean isZombie(long pid) {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = java.nio.file.Files.readString(stat);
            // The state letter follows the command name, which is in parentheses and may hold spaces.
            int close = text.lastIndexOf(')');
            return close > 0 && close + 2 < text.length() && text.charAt(close + 2) == 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or the process just went: trust isAlive()
        }
    }
}
