package dev.jig.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.leftover.Owner;
import dev.jig.leftover.PrivateDirectory;
import dev.jig.leftover.PrivateDirectoryException;
import dev.jig.support.AtomicFiles;
import dev.jig.support.JigLog;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * A directory on disk where every started container is registered until it is removed, so that a later run
 * removes what a killed JVM left behind (Testcontainers' own reaper, Ryuk, is usually off here). Containers
 * also carry the labels {@code dev.jig.owner=<pid>@<start>} and {@code dev.jig.host=<host token>} (machine, boot
 * and pid namespace), so that one killed between its creation and its registration is found too; a labelled
 * container of another host (a shared engine) is never removed. {@link ContainerSpec#start()} reaps once per
 * JVM and registry.
 *
 * <pre>{@code
 * ContainerRegistry.defaultRegistry().reapLeftovers()
 *     .forEach(c -> System.out.println("removed " + c.name()));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ContainerRegistry {

    /** The system property that overrides the default directory. */
    public static final String DIRECTORY_PROPERTY = "jig.container.registry";

    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Path> REAPED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;

    private ContainerRegistry(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The registry in the directory named by {@value #DIRECTORY_PROPERTY}, else
     * {@code ${java.io.tmpdir}/jig-containers-${user.name}}.
     */
    public static ContainerRegistry defaultRegistry() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        return at(Path.of(System.getProperty("java.io.tmpdir"), "jig-containers-" + System.getProperty("user.name")));
    }

    /** The registry in {@code dir} (created when the first container is registered). */
    public static ContainerRegistry at(Path dir) {
        return new ContainerRegistry(Objects.requireNonNull(dir, "dir"));
    }

    /** Where entries are kept. */
    public Path directory() {
        return directory;
    }

    /**
     * Removes every registered or Jig-labelled container whose owning JVM is gone, and deletes the stale
     * entries; containers of JVMs that still run are left alone. Prints one line per removal to
     * {@code System.err}. Needs a Docker engine; without one, it only warns. Containers labelled by a JVM of
     * another host, boot or pid namespace, and those with the {@code <pid>@<start>} labels of Jig before 0.3, are
     * left alone.
     *
     * @throws PrivateDirectoryException if the directory is a symbolic link, another user's, or writable by others
     */
    public List<ReapedContainer> reapLeftovers() {
        List<ReapedContainer> reaped = new ArrayList<>();
        try {
            reapRegistered(reaped);
            reapLabelled(reaped);
        } catch (PrivateDirectoryException e) {
            throw e; // its entries are not to be trusted: the user must act
        } catch (RuntimeException | LinkageError e) {
            JigLog.warn("could not reap leftover containers (" + directory + "): " + e);
        }
        return reaped;
    }

    @Override
    public String toString() {
        return "ContainerRegistry[" + directory + "]";
    }

    void reapOnce() {
        ensurePrivate();
        if (REAPED_IN_THIS_JVM.add(directory)) {
            reapLeftovers();
        }
    }

    /** Writes the entry of a started container; returns what deletes it. Failing to write only warns. */
    Runnable register(String name, String containerId, String image) {
        ContainerEntry entry = ContainerEntry.of(name, containerId, image);
        Path file = directory.resolve(containerId + SUFFIX);
        try {
            ensurePrivate();
            AtomicFiles.write(file, temp -> JSON.writeValue(temp.toFile(), entry));
        } catch (IOException | RuntimeException e) {
            JigLog.warn("could not register container " + name + " (" + containerId + ") in " + directory
                    + "; if this JVM is killed, remove it by hand: docker rm -f " + containerId + ". Cause: " + e);
            return () -> { };
        }
        return () -> deleteQuietly(file);
    }

    /** Makes the directory (0700) or checks that only this user can write it; fails with what to do otherwise. */
    void ensurePrivate() {
        PrivateDirectory.ensure(directory, "container registry", DIRECTORY_PROPERTY);
    }

    private void reapRegistered(List<ReapedContainer> reaped) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ensurePrivate();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                ContainerEntry entry;
                try {
                    entry = JSON.readValue(file.toFile(), ContainerEntry.class);
                } catch (IOException e) {
                    deleteQuietly(file); // unreadable: no container can be identified by it
                    continue;
                }
                if (!entry.ownerAlive()) {
                    remove(new ReapedContainer(entry.name(), entry.containerId(), entry.image()), reaped);
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            JigLog.warn("could not read the container registry " + directory + ": " + e);
        }
    }

    private void reapLabelled(List<ReapedContainer> reaped) {
        for (var container : DockerContainer.labelled()) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            boolean known = reaped.stream().anyMatch(r -> r.containerId().equals(container.getId()));
            // Only a JVM of this host, boot and pid namespace can be known to be gone: on an engine that several
            // hosts or CI jobs share, the others' containers are not ours to judge.
            boolean gone = Owner.parse(labels.get(DockerContainer.OWNER_LABEL), labels.get(DockerContainer.HOST_LABEL))
                    .map(Owner::isGone).orElse(false);
            if (!known && gone) {
                remove(new ReapedContainer(labels.getOrDefault(DockerContainer.NAME_LABEL, "?"), container.getId(),
                        Objects.toString(container.getImage(), "")), reaped);
            }
        }
    }

    private static void remove(ReapedContainer leftover, List<ReapedContainer> reaped) {
        DockerContainer.removeQuietly(leftover.containerId());
        JigLog.warn("removed leftover container " + leftover.name() + " (" + leftover.containerId()
                + ", image " + leftover.image() + ") from a run that ended without stopping it");
        reaped.add(leftover);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            JigLog.warn("could not delete the registry entry " + file + ": " + e);
        }
    }
}
