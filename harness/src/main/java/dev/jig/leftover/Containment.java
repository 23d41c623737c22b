package dev.jig.leftover;

import dev.jig.support.JigLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Everything that keeps one system's processes findable, and the stop that uses all of it: its process tree
 * (listed by the caller), its {@link Cookie} (found by {@link CookieScan}) and, where one can be made, its
 * {@link Cgroup}. The stop sends SIGTERM to all three at once, looks again when they are gone (a child forked
 * during the grace gets its SIGTERM too), and after the grace kills whatever still runs or appeared, until a
 * fresh look finds nothing.
 *
 * <pre>{@code
 * Containment containment = Containment.of("atm", registry.directory());
 * builder.command(containment.command(command, path, workingDir));
 * builder.environment().putAll(containment.environment());
 * ...
 * String stoppedBy = containment.stop(treeNow(), Duration.ofSeconds(5));   // "tree", "cookie" or "cgroup"
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Containment {

    /** Every process of the system was in its process tree. */
    public static final String TREE = "tree";
    /** Some were found only by their cookie (a daemon, a {@code setsid} grandchild, a fork during the grace). */
    public static final String COOKIE = "cookie";
    /** Some were found only in the system's cgroup (a child that cleared its environment). */
    public static final String CGROUP = "cgroup";

    /** How long to wait for processes to vanish after the kill. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Cookie cookie;
    private final Cgroup cgroup;

    private Containment(Cookie cookie, Cgroup cgroup) {
        this.cookie = cookie;
        this.cgroup = cgroup;
    }

    /** A new cookie, and a cgroup where one can be made, for the system {@code name} of the registry there. */
    public static Containment of(String name, Path registry) {
        Cookie cookie = Cookie.next(name, registry);
        return new Containment(cookie, Cgroup.create(cookie).orElse(null));
    }

    /** The system's cookie. */
    public Cookie cookie() {
        return cookie;
    }

    /** The system's cgroup, if it has one. */
    public Optional<Cgroup> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    /** The variables to add to the system's environment: the cookie, after any it inherits. */
    public Map<String, String> environment() {
        return Map.of(Cookie.VARIABLE, cookie.appendTo(System.getenv(Cookie.VARIABLE)));
    }

    /**
     * The command to spawn: {@code command} entering the cgroup first, or {@code command} itself without one,
     * or when its executable cannot be found on {@code path} from {@code workingDir} (so that the start fails as
     * it would without a cgroup, naming the executable; the cgroup is removed then).
     */
    public List<String> command(List<String> command, String path, Path workingDir) {
        if (cgroup == null) {
            return command;
        }
        if (!command.isEmpty() && Executables.find(command.get(0), path, workingDir)) {
            return cgroup.wrap(command);
        }
        cgroup.close();
        return command;
    }

    /**
     * Stops the system: SIGTERM to {@code tree} and to every process with the cookie or in the cgroup, up to
     * {@code grace} for them to go, then SIGKILL (and {@code cgroup.kill}) until nothing is left, bounded.
     * Removes the cgroup. Returns which method had to find something the ones before it missed:
     * {@value #TREE}, {@value #COOKIE} or {@value #CGROUP}.
     */
    public String stop(List<ProcessHandle> tree, Duration grace) {
        Found found = new Found(tree);
        look(found);
        Processes.terminate(found.all());
        long deadline = System.nanoTime() + grace.toNanos();
        Poll poll = new Poll();
        while (true) {
            if (Processes.runningOf(found.all()).isEmpty()) {
                List<ProcessHandle> newcomers = look(found);
                if (newcomers.isEmpty()) {
                    break;
                }
                Processes.terminate(newcomers); // forked during the grace: the polite signal too
            }
            if (System.nanoTime() - deadline >= 0 || !poll.pause()) {
                break;
            }
        }
        killAll(found, true);
        return found.method();
    }

    /** Kills at once, without a grace: for the JVM's shutdown. */
    public void kill(List<ProcessHandle> tree) {
        Found found = new Found(tree);
        look(found);
        killAll(found, false);
    }

    @Override
    public String toString() {
        return "Containment[" + cookie.text() + (cgroup == null ? "" : ", " + cgroup.directory()) + "]";
    }

    /**
     * Kills what runs, and looks again, until a look finds nothing running (bounded); then removes the cgroup,
     * {@code inBackground} or (at the JVM's exit, where a background thread would not finish) right away.
     */
    private void killAll(Found found, boolean inBackground) {
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        Poll poll = new Poll();
        List<ProcessHandle> running = Processes.runningOf(found.all());
        while (!running.isEmpty()) {
            Processes.kill(running);
            if (cgroup != null) {
                cgroup.kill();
            }
            if (System.nanoTime() - deadline >= 0 || !poll.pause()) {
                JigLog.warn("still running after Jig killed them: pids " + running.stream().map(ProcessHandle::pid)
                        .toList() + " (" + cookie.systemName() + "); stop them by hand: kill -9 <pid>");
                break;
            }
            look(found);
            running = Processes.runningOf(found.all());
        }
        if (cgroup != null) {
            if (inBackground) {
                cgroup.closeInBackground(); // kills what a last look may have missed, then the slow removal
            } else {
                cgroup.close();
            }
        }
    }

    /** Adds what the cookie and the cgroup show now; returns the processes not seen before. */
    private List<ProcessHandle> look(Found found) {
        List<ProcessHandle> newcomers = new ArrayList<>(found.add(COOKIE, CookieScan.carriersOf(cookie)));
        if (cgroup != null) {
            // One forked between the scan and this read carries the cookie: the cookie would have found it too.
            for (ProcessHandle member : cgroup.members()) {
                newcomers.addAll(found.add(CookieScan.carries(member, cookie) ? COOKIE : CGROUP, List.of(member)));
            }
        }
        return newcomers;
    }

    /** Each process seen, with the first method that found it. */
    private static final class Found {
        private final Map<ProcessHandle, String> methods = new LinkedHashMap<>();

        Found(List<ProcessHandle> tree) {
            tree.forEach(p -> methods.putIfAbsent(p, TREE));
        }

        List<ProcessHandle> add(String method, Collection<ProcessHandle> processes) {
            List<ProcessHandle> added = new ArrayList<>();
            for (ProcessHandle process : processes) {
                // Forked by a tree member after the tree was listed: the tree holds it, the cookie only saw it first.
                if (methods.putIfAbsent(process, hasTreeAncestor(process) ? TREE : method) == null) {
                    added.add(process);
                }
            }
            return added;
        }

        private boolean hasTreeAncestor(ProcessHandle process) {
            Optional<ProcessHandle> parent = process.parent();
            for (int depth = 0; depth < 64 && parent.isPresent(); depth++) {
                if (TREE.equals(methods.get(parent.get()))) {
                    return true;
                }
                parent = parent.get().parent();
            }
            return false;
        }

        List<ProcessHandle> all() {
            return List.copyOf(methods.keySet());
        }

        String method() {
            return methods.containsValue(CGROUP) ? CGROUP : methods.containsValue(COOKIE) ? COOKIE : TREE;
        }
    }

    /** Finds an executable as exec would: a path with a slash from the working directory, else on PATH. */
    private static final class Executables {
        static boolean find(String executable, String path, Path workingDir) {
            if (executable.contains("/")) {
                Path file = Path.of(executable);
                Path resolved = file.isAbsolute() || workingDir == null ? file : workingDir.resolve(file);
                return Files.isRegularFile(resolved) && Files.isExecutable(resolved);
            }
            for (String dir : (path == null ? "" : path).split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
            return false;
        }
    }
}
