package dev.jig.leftover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {

    @TempDir
    Path dir;

    private static final String KEY = "jig.process.registry";

    @Test
    void aMissingDirectoryIsMadeWithMode0700() throws Exception {
        Path made = dir.resolve("a/b/registry");

        PrivateDirectory.ensure(made, "process registry", KEY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
        PrivateDirectory.ensure(made, "process registry", KEY); // the second time it is only checked
    }

    @Test
    void aDirectoryOthersCanReadIsTightenedQuietly() throws Exception {
        Path existing = Files.createDirectory(dir.resolve("registry"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        PrivateDirectory.ensure(existing, "process registry", KEY);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryOthersCanWriteIsRefused() throws Exception {
        Path planted = Files.createDirectory(dir.resolve("registry"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PrivateDirectory.ensure(planted, "process registry", KEY))
                .isInstanceOf(PrivateDirectoryException.class)
                .hasMessage("The process registry directory " + planted + " is writable by group or others (mode "
                        + "rwxrwxrwx). Expected a directory owned by " + System.getProperty("user.name")
                        + " with mode rwx------ (0700), so that no other user can plant entries that make Jig stop a "
                        + "process of their choosing. Remove it (rm -r " + planted + ") if you made it, or point "
                        + KEY + " at a directory of your own.");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("registry"), target);

        assertThatThrownBy(() -> PrivateDirectory.ensure(link, "container registry", "jig.container.registry"))
                .isInstanceOf(PrivateDirectoryException.class)
                .hasMessageStartingWith("The container registry directory " + link + " is a symbolic link (to "
                        + target + "). Expected a directory owned by ")
                .hasMessageEndingWith("or point jig.container.registry at a directory of your own.");
    }

    @Test
    void aFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("registry"), "");

        assertThatThrownBy(() -> PrivateDirectory.ensure(file, "process registry", KEY))
                .hasMessageStartingWith("The process registry directory " + file + " is not a directory.");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a directory away");
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Path theirs = Files.createDirectory(dir.resolve("registry"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setOwner(theirs, nobody);

        assertThatThrownBy(() -> PrivateDirectory.ensure(theirs, "process registry", KEY))
                .isInstanceOf(PrivateDirectoryException.class)
                .hasMessageStartingWith("The process registry directory " + theirs + " is owned by nobody. Expected a "
                        + "directory owned by root with mode rwx------ (0700)");
    }
}
