package dev.jig.support;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.apiguardian.api.API;

/**
 * Writes a file so that readers see the old or the new content, never half of it: the content goes to a
 * temporary file beside the target, which is then renamed over it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AtomicFiles {

    /** Writes the content of a file given its path. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically; its directory must exist. */
    public static void write(Path target, Content content) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(),
                "." + target.getFileName() + "-", ".tmp");
        try {
            content.writeTo(temp);
            readableByAll(temp);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    // A temporary file is created readable by its owner only; reports and records are for anyone who may read
    // the directory (a CI artifact collector running as another user, say), like a file written directly.
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Renames atomically where the file system can, else replaces. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
