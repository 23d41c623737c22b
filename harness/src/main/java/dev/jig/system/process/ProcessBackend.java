package dev.jig.system.process;

import dev.jig.record.ProcessRecord;
import dev.jig.system.internal.Backend;
import dev.jig.system.internal.Launch;
import dev.jig.leftover.CookieReaper;
import dev.jig.leftover.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Runs systems as process trees: any command, or a Java main class in a new JVM. Reached through
 * {@code SystemSpec.command(...)} and {@code SystemSpec.java(...)}; not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class ProcessBackend implements Backend {

    private static final ProcessBackend BACKEND = new ProcessBackend();
    private static final Duration COOKIE_GRACE = Duration.ofSeconds(2);

    private ProcessBackend() {
    }

    /** The one instance. */
    public static Backend backend() {
        return BACKEND;
    }

    /** {@code command[0]} with the rest as its first arguments. */
    public static Launch command(List<String> command) {
        return new ProcessLaunch(List.copyOf(command), null);
    }

    /** {@code mainClass} in a new JVM: this JVM's {@code java} binary, with this JVM's class path. */
    public static Launch java(Class<?> mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessLaunch(List.of(java), mainClass.getName());
    }

    @Override
    public String kind() {
        return ProcessRecord.PROCESS;
    }

    @Override
    public boolean alive(String registryId) {
        return live(registryId).isPresent();
    }

    @Override
    public void kill(String registryId, Duration grace) {
        live(registryId).ifPresent(root -> ProcessTree.stop(ProcessTree.snapshot(root), grace));
    }

    /** Daemons and {@code setsid} grandchildren of a killed run, found by the cookie that names this registry. */
    @Override
    public List<Leftover> reapUnregistered(Path registry, Set<String> registered) {
        List<Leftover> reaped = new ArrayList<>();
        for (CookieReaper.Reaped leftover : CookieReaper.reap(registry, COOKIE_GRACE)) {
            reaped.add(new Leftover(leftover.name(), leftover.pid() + "@cookie",
                    "found by its cookie: " + String.join(" ", leftover.command())));
        }
        return reaped;
    }

    /** {@code "<pid>@<start instant>"} of a process that runs now. */
    static String registryId(ProcessHandle process) {
        return process.pid() + "@" + Processes.startOf(process);
    }

    private static Optional<ProcessHandle> live(String registryId) {
        int at = registryId.indexOf('@');
        try {
            String start = at < 1 ? "" : registryId.substring(at + 1);
            // Without a start instant the process cannot be told from a stranger that reused the pid.
            return start.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(registryId.substring(0, at)))
                    .filter(Processes::running).filter(h -> start.equals(Processes.startOf(h)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
