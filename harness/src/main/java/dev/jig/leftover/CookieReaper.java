package dev.jig.leftover;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The part of reaping that needs no registry entry: stops every process whose cookie names the registry and a
 * JVM of this host that is gone (double-forked daemons and {@code setsid} grandchildren of a killed run, or a
 * system spawned a moment before its JVM was killed and never registered), and removes those JVMs' cgroups with
 * whatever is in them.
 *
 * <pre>{@code
 * CookieReaper.reap(registry.directory(), Duration.ofSeconds(2)).forEach(p -> log("stopped " + p.pid()));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class CookieReaper {

    /**
     * A process that was stopped.
     *
     * @param name    the system it belonged to, as its cookie says
     * @param pid     its pid
     * @param command its command line as the OS reports it (may be empty)
     */
    public record Reaped(String name, long pid, List<String> command) {
    }

    private CookieReaper() {
    }

    /** SIGTERM, up to {@code grace}, SIGKILL; then the cgroups of gone JVMs. Returns the processes stopped. */
    public static List<Reaped> reap(Path registry, Duration grace) {
        String key = Cookie.registryKey(registry);
        Map<Owner, Boolean> gone = new HashMap<>();
        List<CookieScan.Carrier> carriers = CookieScan.carriers(cookie -> cookie.registry().equals(key)
                && gone.computeIfAbsent(cookie.owner(), Owner::isGone));
        List<ProcessHandle> processes = carriers.stream().map(CookieScan.Carrier::process).toList();
        List<Reaped> reaped = new ArrayList<>();
        carriers.forEach(c -> reaped.add(new Reaped(c.cookies().get(0).systemName(), c.process().pid(),
                commandOf(c.process()))));
        Processes.terminate(processes);
        if (!Processes.awaitGone(processes, grace)) {
            Processes.kill(processes);
            Processes.awaitGone(processes, Containment.KILL_WAIT);
        }
        Cgroup.reap(key);
        return reaped;
    }

    private static List<String> commandOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        List<String> command = new ArrayList<>();
        info.command().ifPresent(command::add);
        info.arguments().map(List::of).ifPresent(command::addAll);
        return command.isEmpty() ? Optional.ofNullable(info.commandLine().orElse(null)).map(List::of)
                .orElse(List.of()) : command;
    }
}
