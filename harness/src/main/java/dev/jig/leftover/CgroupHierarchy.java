package dev.jig.leftover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Where this JVM may make cgroups: the cgroup v2 hierarchy ({@code cgroup2} in {@code /proc/self/mountinfo}, at
 * {@code /sys/fs/cgroup} or, in hybrid set-ups, {@code /sys/fs/cgroup/unified}) joined with this JVM's own cgroup
 * ({@code 0::<path>} in {@code /proc/self/cgroup}). Found once per JVM by trying it: make a cgroup, move a
 * shell into it, kill it with {@code cgroup.kill}, remove it.
 *
 * <pre>{@code
 * CgroupHierarchy.availability().reason()   // "" where it works, else why not
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class CgroupHierarchy {

    private static volatile Availability known;

    /**
     * Whether systems get a cgroup here.
     *
     * @param parent where their cgroups are made, when they are
     * @param reason why not, in a sentence; empty when they are
     */
    public record Availability(Optional<Path> parent, String reason) {
        /** Whether cgroups are used. */
        public boolean available() {
            return parent.isPresent();
        }
    }

    private CgroupHierarchy() {
    }

    /** Asked once (the key {@value Cgroup#MODE_PROPERTY} is read then), then answered from memory. */
    public static Availability availability() {
        Availability result = known;
        if (result == null) {
            synchronized (CgroupHierarchy.class) {
                if (known == null) {
                    known = detect();
                }
                result = known;
            }
        }
        return result;
    }

    static Optional<Path> parent() {
        return availability().parent();
    }

    private static Availability detect() {
        String mode = System.getProperty(Cgroup.MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            return no(Cgroup.MODE_PROPERTY + "=off");
        }
        if (!mode.equals("auto")) {
            throw new IllegalArgumentException("The system property " + Cgroup.MODE_PROPERTY + " is \"" + mode
                    + "\"; expected auto (use a cgroup per system where one can be made) or off.");
        }
        Optional<Path> mount = mountPoint();
        if (mount.isEmpty()) {
            return no("no cgroup v2 hierarchy is mounted (/proc/self/mountinfo lists no cgroup2)");
        }
        Optional<String> own = ownCgroup();
        if (own.isEmpty()) {
            return no("/proc/self/cgroup does not name this JVM's cgroup v2 (no 0:: line)");
        }
        Path parent = Path.of(mount.get() + own.get()).normalize();
        if (!Files.isRegularFile(parent.resolve("cgroup.procs"))) {
            return no(parent + " is not visible here (a cgroup namespace?)");
        }
        String failure = probe(parent);
        return failure == null ? new Availability(Optional.of(parent), "") : no(failure);
    }

    private static Availability no(String reason) {
        return new Availability(Optional.empty(), reason);
    }

    private static Optional<Path> mountPoint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                // "<id> <parent> <dev> <root> <mount point> <options> ... - <type> <source> <super options>"
                String[] halves = line.split(" - ", 2);
                String[] fields = halves[0].split(" ");
                if (halves.length == 2 && halves[1].startsWith("cgroup2 ") && fields.length > 4
                        && fields[3].equals("/")) {
                    return Optional.of(Path.of(fields[4].replace("\\040", " ")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Optional.empty();
    }

    private static Optional<String> ownCgroup() {
        try {
            return Files.readAllLines(Path.of("/proc/self/cgroup")).stream().filter(l -> l.startsWith("0::"))
                    .map(l -> l.substring(3)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Null when a shell could be moved into a new cgroup there and killed with cgroup.kill, else why not. */
    private static String probe(Path parent) {
        Path dir = parent.resolve(Cgroup.PREFIX + "probe-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(dir);
        } catch (IOException | RuntimeException e) {
            return "cannot make a cgroup in " + parent + " (" + e + "); run as root or delegate the cgroup";
        }
        Cgroup group = Cgroup.probe(dir);
        try {
            if (!Files.exists(dir.resolve("cgroup.kill"))) {
                return "the kernel has no cgroup.kill (Linux 5.14 and later have it)";
            }
            Process shell = new ProcessBuilder(group.wrap(List.of("/bin/sh", "-c", "exec sleep 30")))
                    .redirectErrorStream(true).start();
            if (!awaitMember(group, shell)) {
                shell.destroyForcibly();
                return "a process could not be moved into a cgroup in " + parent;
            }
            group.kill();
            if (!shell.waitFor(5, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
                return "cgroup.kill did not stop the probe within 5 s";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "the cgroup probe failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing cgroups";
        } finally {
            group.close();
        }
    }

    private static boolean awaitMember(Cgroup group, Process shell) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Poll poll = new Poll();
        while (System.nanoTime() - deadline < 0 && shell.isAlive()) {
            if (group.members().stream().anyMatch(p -> p.pid() == shell.pid())) {
                return true;
            }
            poll.pause();
        }
        return false;
    }
}
