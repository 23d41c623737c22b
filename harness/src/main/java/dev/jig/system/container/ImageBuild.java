package dev.jig.system.container;

import java.nio.file.Path;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** Builds an image with Testcontainers, kept apart so that {@link Image} loads without it. */
final class ImageBuild {

    private ImageBuild() {
    }

    static void build(String reference, Path dir) {
        // deleteOnExit false: the tag is the content hash, so the next run reuses the image.
        ImageFromDockerfile build = new ImageFromDockerfile(reference, false).withFileFromPath(".", dir);
        try {
            build.get();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Could not build the image " + reference + " from " + dir
                    + ": " + cause + ". Try it by hand for the full log: docker build -t " + reference + " " + dir,
                    cause);
        }
    }
}
