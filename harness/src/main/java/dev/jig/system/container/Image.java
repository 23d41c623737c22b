package dev.jig.system.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * An image built locally from a directory that holds a {@code Dockerfile} and everything it copies. The
 * tag is a hash of the directory's content ({@code <repository>:<12 hex digits>}), so the image is built
 * once per content and reused by later runs and tests; nothing is pulled for {@code FROM scratch}.
 *
 * <pre>{@code
 * SystemSpec.image("atm", Image.fromDirectory("jig/atm", Path.of("target/atm-image")))
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Image {

    private static final Map<Path, String> BUILT_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final String repository;
    private final Path directory;

    private Image(String repository, Path directory) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The image built from {@code directory} (which must hold a {@code Dockerfile}), tagged in
     * {@code repository}, e.g. {@code "jig/atm"}.
     */
    public static Image fromDirectory(String repository, Path directory) {
        if (repository == null || !repository.matches("[a-z0-9]+([._/-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("An image repository is lower-case letters, digits and . _ / -, "
                    + "e.g. \"jig/atm\"; got " + repository);
        }
        return new Image(repository, Objects.requireNonNull(directory, "directory"));
    }

    /** The directory the image is built from. */
    public Path directory() {
        return directory;
    }

    /**
     * The image reference, e.g. {@code "jig/atm:3f2a1b0c9d8e"}: built now unless the engine already has an
     * image with this content's tag.
     *
     * @throws IllegalStateException if there is no Dockerfile or no Docker engine, or the build fails
     */
    public String build() {
        return BUILT_IN_THIS_JVM.computeIfAbsent(directory, dir -> {
            Docker.Availability docker = Docker.availability();
            if (!docker.available()) {
                throw new IllegalStateException("Cannot build the image " + repository + ": " + docker.reason());
            }
            if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
                throw new IllegalStateException("Cannot build the image " + repository + ": "
                        + dir.resolve("Dockerfile") + " does not exist. Put a Dockerfile into " + dir + ".");
            }
            String reference = repository + ":" + contentHash(dir);
            if (!DockerContainer.imageExists(reference)) {
                ImageBuild.build(reference, dir);
            }
            return reference;
        });
    }

    @Override
    public String toString() {
        return "Image[" + repository + " from " + directory + "]";
    }

    /** SHA-256 over the relative paths, modes and bytes of every file, in a stable order; 12 hex digits. */
    static String contentHash(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                String header = dir.relativize(file).toString().replace('\\', '/') + (Files.isExecutable(file) ? " x" : "");
                digest.update(header.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the image directory " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
