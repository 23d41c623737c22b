package dev.jig.leftover;

import dev.jig.support.JigLog;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A cgroup v2 of one system, where one is writable (root, or a delegated hierarchy): every process of the system
 * is in it from before its first instruction, whatever it does to its environment, and
 * {@code cgroup.kill} stops all of them at once. Named {@code jig_<registry>_<owner>_<system>} beside this
 * JVM's own cgroup, so that the reaper of a later run finds the ones of a killed JVM. Off with the system
 * property {@value #MODE_PROPERTY}{@code =off}.
 *
 * <pre>{@code
 * Cgroup.create(cookie).ifPresent(group -> command = group.wrap(command));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Cgroup implements AutoCloseable {

    /** The system property: {@code auto} (the default: use a cgroup where one can be made) or {@code off}. */
    public static final String MODE_PROPERTY = "jig.system.cgroup";

    static final String PREFIX = "jig_";
    private static final Duration EMPTY_WAIT = Duration.ofSeconds(2);
    /** Joins the cgroup ($0 is its cgroup.procs) and becomes the command; nothing runs before the join. */
    private static final String JOIN = "echo $$ > \"$0\" || { echo \"jig: could not enter the cgroup $0\" >&2; "
            + "exit 125; }; exec \"$@\"";

    private static final java.util.concurrent.Executor REMOVER = java.util.concurrent.Executors
            .newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "jig-cgroup-remover");
                thread.setDaemon(true);
                return thread;
            });

    private final Path directory;

    private Cgroup(Path directory) {
        this.directory = directory;
    }

    /** A new cgroup for the system of {@code cookie}, or empty where none can be made (then it says why, once). */
    public static Optional<Cgroup> create(Cookie cookie) {
        Optional<Path> parent = CgroupHierarchy.parent();
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        Path dir = parent.get().resolve(PREFIX + cookie.text().replace('/', '_'));
        try {
            Files.createDirectory(dir);
            return Optional.of(new Cgroup(dir));
        } catch (IOException | RuntimeException e) {
            JigLog.warn("could not create the cgroup " + dir + " for " + cookie.systemName()
                    + "; it runs without one (stopped by its process tree and cookie): " + e);
            return Optional.empty();
        }
    }

    /** The probe's cgroup, already made. */
    static Cgroup probe(Path directory) {
        return new Cgroup(directory);
    }

    /** Where it is. */
    public Path directory() {
        return directory;
    }

    /** {@code command} run so that it first enters this cgroup: {@code /bin/sh -c 'echo $$ > procs; exec "$@"'}. */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", JOIN, directory.resolve("cgroup.procs")
                .toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The running processes in it and in any cgroup below it. */
    public List<ProcessHandle> members() {
        List<ProcessHandle> members = new ArrayList<>();
        collectMembers(directory, members);
        return members;
    }

    /** SIGKILL to every process in it and below, by the kernel, in one step. */
    public void kill() {
        try {
            Files.writeString(directory.resolve("cgroup.kill"), "1");
        } catch (IOException | RuntimeException e) {
            // gone already, or a kernel without cgroup.kill (the probe refused those): signal one by one
            Processes.kill(members());
        }
    }

    /**
     * {@link #close()} on a thread of its own: removing a cgroup takes the kernel 5 to 70 ms (measured here, most
     * of a stop's cost), which a stop whose processes are all gone need not wait for. One the JVM does not get
     * to remove before it exits is removed by the next run's reaper.
     */
    public void closeInBackground() {
        REMOVER.execute(this::close);
    }

    /** Kills what is left in it, waits (bounded) for it to empty, and removes it. Safe to call twice. */
    @Override
    public void close() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        // A process that has exited but is not yet reaped by its parent keeps the cgroup busy for a moment.
        long deadline = System.nanoTime() + EMPTY_WAIT.toNanos();
        Poll poll = new Poll();
        while (true) {
            if (!members().isEmpty()) {
                kill();
            }
            try {
                removeTree(directory);
                return;
            } catch (IOException | RuntimeException e) {
                if (System.nanoTime() - deadline >= 0 || !poll.pause()) {
                    JigLog.warn("could not remove the cgroup " + directory + " (" + e + "); the next run removes it");
                    return;
                }
            }
        }
    }

    /**
     * Kills and removes the cgroups that the registry with {@code registryKey} made for JVMs that are gone;
     * returns the cookies they were made for. Empty cgroups of gone JVMs of other registries (a removal that the
     * JVM's exit cut short) are removed too.
     */
    public static List<Cookie> reap(String registryKey) {
        List<Cookie> reaped = new ArrayList<>();
        Optional<Path> parent = CgroupHierarchy.parent();
        if (parent.isEmpty()) {
            return reaped;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent.get(), PREFIX + "*")) {
            for (Path dir : dirs) {
                cookieOf(dir.getFileName().toString()).filter(c -> c.owner().isGone()).ifPresent(cookie -> {
                    Cgroup leftover = new Cgroup(dir);
                    int members = leftover.members().size();
                    if (!cookie.registry().equals(registryKey)) {
                        if (members == 0) {
                            leftover.close(); // an empty one of another registry: only tidying, nothing to stop
                        }
                        return;
                    }
                    leftover.close();
                    if (members > 0) {
                        JigLog.warn("reaped the cgroup of leftover " + cookie.systemName() + " with " + members
                                + " process(es) in it, from a run that ended without stopping it");
                    }
                    reaped.add(cookie);
                });
            }
        } catch (IOException | RuntimeException e) {
            JigLog.warn("could not look for leftover cgroups in " + parent.get() + ": " + e);
        }
        return reaped;
    }

    @Override
    public String toString() {
        return "Cgroup[" + directory + "]";
    }

    /** The cookie a cgroup was named after, e.g. {@code jig_<registry>_<owner>_<system>}. */
    static Optional<Cookie> cookieOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = name.substring(PREFIX.length()).split("_", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        List<Cookie> cookies = Cookie.parseAll(parts[0] + "/" + parts[1] + "/" + parts[2]);
        return cookies.isEmpty() ? Optional.empty() : Optional.of(cookies.get(0));
    }

    private static void collectMembers(Path dir, List<ProcessHandle> members) {
        try {
            for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    ProcessHandle.of(Long.parseLong(line.trim())).filter(Processes::running).ifPresent(members::add);
                }
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path child : children) {
                    collectMembers(child, members);
                }
            }
        } catch (IOException | RuntimeException e) {
            // removed meanwhile: no members
        }
    }

    /** cgroupfs removes a cgroup with rmdir, children first; its control files go with it. */
    private static void removeTree(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                removeTree(child);
            }
        }
        Files.deleteIfExists(dir);
    }
}
