package dev.jig.container;

import org.apiguardian.api.API;

/**
 * A container left behind by a JVM that ended without stopping it, removed by
 * {@link ContainerRegistry#reapLeftovers()}.
 *
 * @param name        the name the user gave, or {@code "?"} when only its label was found
 * @param containerId the Docker container id
 * @param image       the image it ran, or {@code ""} when not known
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ReapedContainer(String name, String containerId, String image) {
}
