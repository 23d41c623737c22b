package dev.jig.system.container;

import dev.jig.record.ProcessRecord;
import dev.jig.system.internal.Backend;
import dev.jig.system.internal.Launch;
import dev.jig.leftover.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;

/**
 * Runs systems in containers through Testcontainers. Reached through {@code SystemSpec.image(...)} and
 * {@code SystemSpec.container(...)}; not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class ContainerBackend implements Backend {

    private static final ContainerBackend BACKEND = new ContainerBackend();

    private ContainerBackend() {
    }

    /** The one instance. */
    public static Backend backend() {
        return BACKEND;
    }

    /** An image by name, present locally or pullable. */
    public static Launch image(String image) {
        return new ContainerLaunch(ImageSource.named(image), null);
    }

    /** An image built from a directory. */
    public static Launch image(Image image) {
        return new ContainerLaunch(ImageSource.of(image), null);
    }

    /** An image a future builds. */
    public static Launch image(Future<String> image) {
        return new ContainerLaunch(ImageSource.of(image), null);
    }

    /** A container the user configured. */
    public static Launch container(GenericContainer<?> container) {
        return new ContainerLaunch(null, Objects.requireNonNull(container, "container"));
    }

    @Override
    public String kind() {
        return ProcessRecord.CONTAINER;
    }

    @Override
    public boolean alive(String registryId) {
        return DockerContainer.exists(registryId);
    }

    @Override
    public void kill(String registryId, Duration grace) {
        DockerContainer.removeQuietly(registryId);
    }

    @Override
    public List<Leftover> reapUnregistered(Path registry, Set<String> registered) {
        List<Leftover> reaped = new ArrayList<>();
        for (var container : DockerContainer.labelled()) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            // Only a JVM of this host, boot and pid namespace can be known to be gone: on an engine that several
            // hosts or CI jobs share, the others' containers are not ours to judge.
            boolean gone = Owner.parse(labels.get(DockerContainer.OWNER_LABEL), labels.get(DockerContainer.HOST_LABEL))
                    .map(Owner::isGone).orElse(false);
            if (!registered.contains(container.getId()) && gone) {
                DockerContainer.removeQuietly(container.getId());
                reaped.add(new Leftover(labels.getOrDefault(DockerContainer.NAME_LABEL, "?"), container.getId(),
                        "image " + Objects.toString(container.getImage(), "")));
            }
        }
        return reaped;
    }
}
