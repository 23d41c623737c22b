package dev.jig.leftover;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A directory only this user can write: where Jig keeps what a later run acts on (registered processes and
 * containers). Made with mode 0700 if missing; refused if it is a symbolic link, not a directory, owned by
 * another user or writable by group or others, since then another user could plant entries that make the next
 * run stop a process of their choosing. Read permissions for group and others are taken away quietly.
 *
 * <pre>{@code
 * PrivateDirectory.ensure(dir, "system registry", "jig.system.registry");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class PrivateDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WRITE_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private PrivateDirectory() {
    }

    /**
     * Makes {@code dir} (its parents as usual) or checks the one there.
     *
     * @param what     what it is for, for the message: {@code "process registry"}
     * @param property the key that points it elsewhere, for the message
     * @throws PrivateDirectoryException if it is not private to this user
     */
    public static Path ensure(Path dir, String what, String property) {
        boolean posix = isPosix(dir);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            create(dir, posix, what, property);
        }
        if (Files.isSymbolicLink(dir)) {
            throw refused(dir, what, property, "a symbolic link (to " + target(dir) + ")");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(dir, what, property, "not a directory");
        }
        if (posix) {
            checkOwnerAndMode(dir, what, property);
        }
        return dir;
    }

    private static void create(Path dir, boolean posix, String what, String property) {
        try {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(dir, OWNER_ONLY); // the umask may have taken bits away, never added
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile, by a parallel run or by someone else: the checks decide
        } catch (IOException e) {
            throw new PrivateDirectoryException("Could not create the " + what + " directory " + dir + ": " + e
                    + ". Expected to make a directory of " + currentUser() + "'s own there; make the parent "
                    + "writable or point " + property + " at another directory.", e);
        }
    }

    private static void checkOwnerAndMode(Path dir, String what, String property) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (IOException e) {
            throw new PrivateDirectoryException("Could not read the owner and mode of the " + what + " directory "
                    + dir + ": " + e + ". Point " + property + " at a directory of your own.", e);
        }
        UserPrincipal me = currentUserPrincipal(dir);
        if (me != null && !attributes.owner().equals(me)) {
            throw refused(dir, what, property, "owned by " + attributes.owner().getName());
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        if (mode.stream().anyMatch(WRITE_BY_OTHERS::contains)) {
            throw refused(dir, what, property, "writable by group or others (mode "
                    + PosixFilePermissions.toString(mode) + ")");
        }
        if (!mode.equals(OWNER_ONLY)) {
            try {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            } catch (IOException e) {
                // readable by others costs privacy, not safety: go on
            }
        }
    }

    private static PrivateDirectoryException refused(Path dir, String what, String property, String found) {
        return new PrivateDirectoryException("The " + what + " directory " + dir + " is " + found + ". Expected a "
                + "directory owned by " + currentUser() + " with mode rwx------ (0700), so that no other user can "
                + "plant entries that make Jig stop a process of their choosing. Remove it (rm -r " + dir
                + ") if you made it, or point " + property + " at a directory of your own.", null);
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String currentUser() {
        return System.getProperty("user.name");
    }

    private static UserPrincipal currentUserPrincipal(Path dir) {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(currentUser());
        } catch (IOException | UnsupportedOperationException e) {
            return null; // cannot tell: the mode check still applies
        }
    }
}
