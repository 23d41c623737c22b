package dev.jig.system.container;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A tiny local image for the tests: {@code FROM scratch} plus Debian's static busybox as entry point. */
final class TestImages {

    static final Path BUSYBOX = Path.of("/bin/busybox");

    private TestImages() {
    }

    /** Skips the calling test, with the reason, when there is no Docker or no static busybox. */
    static void assumeDocker() {
        Docker.Availability docker = Docker.availability();
        assumeTrue(docker.available(), docker.reason());
        assumeTrue(Files.isExecutable(BUSYBOX), "no " + BUSYBOX + ": apt-get install busybox-static");
    }

    /** {@code jig/test-busybox:<hash>}; commands are busybox applets, e.g. {@code "sh", "-c", "..."}. */
    static Image busybox() {
        Path dir = Path.of("target", "test-images", "busybox");
        try {
            Files.createDirectories(dir);
            Files.copy(BUSYBOX, dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n"
                    + "ENTRYPOINT [\"/bin/busybox\"]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Image.fromDirectory("jig/test-busybox", dir);
    }
}
