package dev.jig.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.leftover.CookieReaper;
import dev.jig.leftover.PrivateDirectory;
import dev.jig.support.AtomicFiles;
import dev.jig.support.JigLog;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * A directory on disk where every started process is registered until it is stopped, so that a later
 * run can stop what a killed JVM left behind. {@link ProcessSpec#start()} reaps leftovers once per JVM
 * and registry before its first start.
 *
 * <pre>{@code
 * ProcessRegistry.defaultRegistry().reapLeftovers()
 *     .forEach(p -> System.out.println("stopped " + p.name()));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProcessRegistry {

    /** The system property that overrides the default directory. */
    public static final String DIRECTORY_PROPERTY = "jig.process.registry";

    private static final Duration REAP_GRACE = Duration.ofSeconds(2);
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Path> REAPED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path directory;

    private ProcessRegistry(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The registry in the directory named by the system property {@value #DIRECTORY_PROPERTY}, else
     * {@code ${java.io.tmpdir}/jig-processes-${user.name}}.
     */
    public static ProcessRegistry defaultRegistry() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        return at(Path.of(System.getProperty("java.io.tmpdir"), "jig-processes-" + System.getProperty("user.name")));
    }

    /** The registry in {@code dir} (created when the first process is registered). */
    public static ProcessRegistry at(Path dir) {
        return new ProcessRegistry(Objects.requireNonNull(dir, "dir"));
    }

    /** Where entries are kept. */
    public Path directory() {
        return directory;
    }

    /**
     * Stops every registered process whose owning JVM is gone and that is still running (same pid
     * and same start instant, so a stranger that reused the pid is never touched), and deletes the
     * stale entries. Entries of JVMs that still run are left alone. Then stops every process whose
     * environment cookie names this registry and a JVM of this host that is gone (double-forked daemons,
     * {@code setsid} grandchildren), and removes such JVMs' cgroups. Prints one line per reaped process to
     * {@code System.err}.
     *
     * @throws dev.jig.leftover.PrivateDirectoryException if the directory is a symbolic link, another user's, or
     *                                                    writable by others: its entries are not to be trusted
     */
    public List<ReapedProcess> reapLeftovers() {
        List<ReapedProcess> reaped = new ArrayList<>();
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            ensurePrivate();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
                for (Path file : files) {
                    reapEntry(file, reaped);
                }
            } catch (IOException e) {
                JigLog.warn("could not read the process registry " + directory + ": " + e);
            }
        }
        // What no entry leads to: daemons and setsid grandchildren of a killed run, by their cookie.
        for (CookieReaper.Reaped leftover : CookieReaper.reap(directory, REAP_GRACE)) {
            JigLog.warn("reaped leftover " + leftover.name() + " (pid " + leftover.pid() + ", found by its cookie) "
                    + "from a run that ended without stopping it");
            reaped.add(new ReapedProcess(leftover.name(), leftover.pid(), leftover.command()));
        }
        return reaped;
    }

    @Override
    public String toString() {
        return "ProcessRegistry[" + directory + "]";
    }

    /** Checks the directory before every start; reaps leftovers the first time this JVM starts one with it. */
    void reapOnce() {
        ensurePrivate();
        if (REAPED_IN_THIS_JVM.add(directory)) {
            reapLeftovers();
        }
    }

    /** Makes the directory (0700) or checks that only this user can write it; fails with what to do otherwise. */
    void ensurePrivate() {
        PrivateDirectory.ensure(directory, "process registry", DIRECTORY_PROPERTY);
    }

    /**
     * Writes the entry of a started process, atomically. Returns what removes it again. A registry
     * that cannot be written costs only the reaping, so it warns instead of failing the start.
     */
    Runnable register(String name, ProcessHandle process, List<String> maskedCommand) {
        RegistryEntry entry = RegistryEntry.of(name, process, maskedCommand);
        Path file = directory.resolve(process.pid() + "-" + Integer.toHexString(entry.startInstant().hashCode())
                + SUFFIX);
        try {
            ensurePrivate();
            // Written aside and moved into place, so a reaper never reads half an entry.
            AtomicFiles.write(file, temp -> JSON.writeValue(temp.toFile(), entry));
        } catch (IOException | RuntimeException e) {
            JigLog.warn("could not register " + name + " (pid " + process.pid() + ") in " + directory
                    + "; if this JVM is killed, stop it by hand. Cause: " + e);
            return () -> { };
        }
        return () -> deleteQuietly(file);
    }

    private void reapEntry(Path file, List<ReapedProcess> reaped) {
        RegistryEntry entry;
        try {
            entry = JSON.readValue(file.toFile(), RegistryEntry.class);
        } catch (IOException e) {
            deleteQuietly(file); // unreadable: no process can be identified by it
            return;
        }
        if (entry.ownerAlive()) {
            return;
        }
        entry.liveProcess().ifPresent(process -> {
            ProcessTree.stop(ProcessTree.snapshot(process), REAP_GRACE);
            JigLog.warn("reaped leftover " + entry.name() + " (pid " + entry.pid() + ", started "
                    + clock(entry.startInstant()) + ") from a run that ended without stopping it");
            reaped.add(new ReapedProcess(entry.name(), entry.pid(), entry.command()));
        });
        deleteQuietly(file);
    }

    private static String clock(String instant) {
        try {
            return CLOCK.format(LocalTime.ofInstant(Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS),
                    ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            JigLog.warn("could not delete the registry entry " + file + ": " + e);
        }
    }
}
