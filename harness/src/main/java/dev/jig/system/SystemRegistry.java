package dev.jig.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.leftover.PrivateDirectory;
import dev.jig.leftover.PrivateDirectoryException;
import dev.jig.support.AtomicFiles;
import dev.jig.support.JigLog;
import dev.jig.system.internal.Backend;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * A directory on disk where every started system — process or container — is registered until it is stopped,
 * so that a later run stops what a killed JVM left behind. {@link SystemSpec#start()} reaps the leftovers of its
 * backend once per JVM and registry, before its first start. Containers also carry the label
 * {@code dev.jig.owner=<pid>@<start>}, so that one killed between its creation and its registration is found too.
 *
 * <pre>{@code
 * SystemRegistry.defaultRegistry().reapLeftovers()
 *     .forEach(s -> System.out.println("stopped " + s.name()));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class SystemRegistry {

    /** The system property that overrides the default directory. */
    public static final String DIRECTORY_PROPERTY = "jig.system.registry";

    private static final Duration REAP_GRACE = Duration.ofSeconds(2);
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REAPED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final Set<String> HELPERS_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;

    private SystemRegistry(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The registry in the directory named by the system property {@value #DIRECTORY_PROPERTY}, else
     * {@code ${java.io.tmpdir}/jig-systems-${user.name}}.
     */
    public static SystemRegistry defaultRegistry() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        return at(Path.of(System.getProperty("java.io.tmpdir"), "jig-systems-" + System.getProperty("user.name")));
    }

    /** The registry in {@code dir} (created when the first system is registered). */
    public static SystemRegistry at(Path dir) {
        return new SystemRegistry(Objects.requireNonNull(dir, "dir"));
    }

    /** Where entries are kept. */
    public Path directory() {
        return directory;
    }

    /**
     * Stops every registered system whose owning JVM is gone and that still runs (a process: same pid and same
     * start instant, so a stranger that reused the pid is never touched; a container: removed), and deletes the
     * stale entries; entries of JVMs that still run are left alone. Prints one line per reaped system to
     * {@code System.err}. Then stops every process whose environment cookie names this registry and a JVM of this
     * host that is gone (double-forked daemons, {@code setsid} grandchildren) and removes such JVMs' cgroups; and
     * removes containers labelled by a gone JVM of this host (never another host's on a shared engine). Containers
     * are reaped only where Testcontainers and Docker are available.
     *
     * @throws PrivateDirectoryException if the directory is a symbolic link, another user's, or writable by others:
     *                                   its entries are not to be trusted
     */
    public List<ReapedSystem> reapLeftovers() {
        List<ReapedSystem> reaped = new ArrayList<>();
        for (Backend backend : Backends.all()) {
            reaped.addAll(reap(backend));
        }
        return reaped;
    }

    @Override
    public String toString() {
        return "SystemRegistry[" + directory + "]";
    }

    /**
     * Checks the directory before every start; reaps the leftovers of {@code backend} the first time this JVM starts
     * one of its systems here.
     */
    void reapOnce(Backend backend) {
        ensurePrivate();
        if (REAPED_IN_THIS_JVM.add(directory + " " + backend.kind())) {
            reap(backend);
        }
    }

    /**
     * Writes the entry of a started system, atomically. Returns what removes it again. A registry that cannot be
     * written costs only the reaping, so it warns instead of failing the start.
     */
    Runnable register(String name, String kind, String id, List<String> maskedCommand) {
        RegistryEntry entry = RegistryEntry.of(name, kind, id, maskedCommand);
        Path file = directory.resolve(kind + "-" + id.replaceAll("[^A-Za-z0-9]", "_") + SUFFIX);
        try {
            ensurePrivate();
            // Written aside and moved into place, so a reaper never reads half an entry.
            AtomicFiles.write(file, temp -> JSON.writeValue(temp.toFile(), entry));
        } catch (IOException | RuntimeException e) {
            JigLog.warn("could not register " + name + " (" + kind + " " + id + ") in " + directory
                    + "; if this JVM is killed, stop it by hand. Cause: " + e);
            return () -> { };
        }
        return () -> deleteQuietly(file);
    }

    /**
     * Registers a helper that outlives the systems that needed it, once per registry and JVM, and never removes
     * its entry: the helper goes with the JVM (its own shutdown hook), and the next run's reaper removes it if it
     * is still there, or else just the entry.
     */
    void registerHelper(String kind, String id) {
        if (HELPERS_IN_THIS_JVM.add(directory + " " + kind + " " + id)) {
            register("helper", kind, id, List.of("Testcontainers' port forwarding to the test host"));
        }
    }

    private List<ReapedSystem> reap(Backend backend) {
        List<ReapedSystem> reaped = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        try {
            if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                ensurePrivate();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, backend.kind() + "-*" + SUFFIX)) {
                    for (Path file : files) {
                        reapEntry(backend, file, reaped, handled);
                    }
                }
            }
            for (Backend.Leftover leftover : backend.reapUnregistered(directory, handled)) {
                reaped.add(reported(backend, leftover.name(), leftover.registryId(), leftover.description()));
            }
        } catch (PrivateDirectoryException e) {
            throw e; // its entries are not to be trusted: the user must act
        } catch (IOException | RuntimeException | LinkageError e) {
            JigLog.warn("could not reap the leftover " + backend.kind() + " systems of " + directory + ": " + e);
        }
        return reaped;
    }

    /** Makes the directory (0700) or checks that only this user can write it; fails with what to do otherwise. */
    private void ensurePrivate() {
        PrivateDirectory.ensure(directory, "system registry", DIRECTORY_PROPERTY);
    }

    private void reapEntry(Backend backend, Path file, List<ReapedSystem> reaped, Set<String> handled) {
        RegistryEntry entry;
        try {
            entry = JSON.readValue(file.toFile(), RegistryEntry.class);
        } catch (IOException e) {
            deleteQuietly(file); // unreadable: nothing can be identified by it
            return;
        }
        if (entry.ownerAlive()) {
            return;
        }
        handled.add(entry.id());
        if (backend.alive(entry.id())) {
            backend.kill(entry.id(), REAP_GRACE);
            reaped.add(reported(backend, entry.name(), entry.id(), String.join(" ", entry.command())));
        }
        deleteQuietly(file);
    }

    private static ReapedSystem reported(Backend backend, String name, String id, String description) {
        JigLog.warn("reaped leftover " + backend.kind() + " " + name + " (" + id + ", " + description
                + ") from a run that ended without stopping it");
        return new ReapedSystem(name, backend.kind(), id, description);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            JigLog.warn("could not delete the registry entry " + file + ": " + e);
        }
    }
}
