package dev.jig.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheContentAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = dir.resolve("results.json");
        Files.writeString(target, "old");

        AtomicFiles.write(target, file -> Files.writeString(file, "new", StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theWrittenFileIsReadableByOthersLikeAnyReport() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions only");
        Path target = dir.resolve("index.html");

        AtomicFiles.write(target, file -> Files.writeString(file, "<html>"));

        assertThat(Files.getPosixFilePermissions(target))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aFailingWriterLeavesTheOldContentAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("results.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, file -> {
            Files.writeString(file, "half");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
