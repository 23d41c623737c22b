package dev.jig.system.container;

import dev.jig.system.internal.SpawnFailure;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Where a container's image comes from: a name, an {@link Image} built here, or a Testcontainers future. */
final class ImageSource {

    private final String name;
    private final Image image;
    private final Future<String> future;

    private ImageSource(String name, Image image, Future<String> future) {
        this.name = name;
        this.image = image;
        this.future = future;
    }

    static ImageSource named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An image name is needed, e.g. \"jig/atm:1\"");
        }
        return new ImageSource(name, null, null);
    }

    static ImageSource of(Image image) {
        return new ImageSource(null, java.util.Objects.requireNonNull(image, "image"), null);
    }

    static ImageSource of(Future<String> future) {
        return new ImageSource(null, null, java.util.Objects.requireNonNull(future, "image"));
    }

    /** For messages, before the image is resolved. */
    String describe() {
        if (name != null) {
            return name;
        }
        return image != null ? image.toString() : "an image built by " + future.getClass().getSimpleName();
    }

    /** The image reference to run; builds the image first where needed. */
    String resolve(String systemName) throws SpawnFailure {
        if (name != null) {
            return name;
        }
        if (image != null) {
            try {
                return image.build();
            } catch (IllegalStateException e) {
                throw new SpawnFailure(e.getMessage(), e.getCause());
            }
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SpawnFailure("Could not build the image of " + systemName + ": "
                    + cause + ". Check the Dockerfile and the files it copies.", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpawnFailure("Interrupted while building the image of " + systemName, e);
        }
    }
}
