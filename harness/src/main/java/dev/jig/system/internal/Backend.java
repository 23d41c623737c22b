package dev.jig.system.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One way of running systems (processes, containers), seen by the one registry and reaper: a registered
 * instance is named by its {@link Instance#registryId()}, and the backend tells whether it still runs and
 * stops it. Not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public interface Backend {

    /** {@code "process"} or {@code "container"}: the record's kind and the registry entry's. */
    String kind();

    /** Whether the instance with this registry id still runs (a stranger that reused a pid does not count). */
    boolean alive(String registryId);

    /** Stops a leftover (its whole tree, or the container), giving it {@code grace} for a polite stop. */
    void kill(String registryId, Duration grace);

    /**
     * Stops leftovers that no entry of the registry in {@code registry} leads to (a container labelled with an
     * owner that is gone, killed between its creation and its registration; a daemon found by its environment
     * cookie) and returns what it stopped; {@code registered} are the ids the registry already handled.
     */
    default List<Leftover> reapUnregistered(Path registry, Set<String> registered) {
        return List.of();
    }

    /**
     * A leftover found and stopped without a registry entry.
     *
     * @param name        the name it was started under, or {@code "?"}
     * @param registryId  its id
     * @param description what it ran, e.g. the image
     */
    record Leftover(String name, String registryId, String description) {
    }
}
